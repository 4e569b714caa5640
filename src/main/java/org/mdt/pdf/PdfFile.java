package org.mdt.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every mdt PDF (reports and agendas) is written here, so that each one is PDF/A-2b (fonts
 * embedded, XMP metadata matching the document information, an sRGB output intent, the document
 * language), carries its running head and "Page N of M" on every page, and gives the same bytes for
 * the same content and date.
 */
public final class PdfFile {
  /** The document language: every mdt text is English. */
  public static final String LANGUAGE = "en-US";

  /** The trailer's file identifier, which OpenPDF makes from the clock and memory. */
  private static final Pattern FILE_ID =
      Pattern.compile("/ID \\[<([0-9a-f]{32})><([0-9a-f]{32})>\\]");

  /** A subset font's name tag, which OpenPDF draws at random. */
  private static final Pattern SUBSET_TAG =
      Pattern.compile("/(?:BaseFont|FontName) ?/([A-Z]{6})\\+");

  private PdfFile() {}

  /**
   * What the file says about itself: its title, its author (the team, or "All teams"), the line at
   * the top of every page, and its date (SOURCE_DATE_EPOCH when set).
   */
  public record Info(String title, String author, String runningHead, Instant created) {}

  /** Adds the pages' content to an open document. */
  @FunctionalInterface
  public interface Content {
    void addTo(Document document, PdfWriter writer) throws DocumentException, IOException;
  }

  /**
   * Writes {@code content} as a PDF/A-2b file to {@code out}; a character no embedded font has is
   * printed as "?" and named to {@code warnings}, once per character.
   */
  public static void write(Info info, OutputStream out, Consumer<String> warnings, Content content)
      throws IOException {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Set<String> missing = PdfFonts.collectMissing(() -> writeDocument(info, pdf, content));
    if (!missing.isEmpty()) {
      warnings.accept(
          info.title()
              + ": no embedded font has "
              + String.join(", ", missing)
              + "; printed as ? in the PDF");
    }
    out.write(withContentId(withFixedSubsetTags(pdf.toByteArray())));
  }

  private static void writeDocument(Info info, OutputStream pdf, Content content) {
    Document document = PdfStyle.document();
    try {
      PdfWriter writer = PdfWriter.getInstance(document, pdf);
      writer.setPdfVersion(PdfWriter.VERSION_1_7);
      writer.setStrictImageSequence(true); // a chart stays where its section put it
      writer.setPageEvent(new PageFurniture(info.runningHead()));
      PdfDate date = pdfDate(info.created());
      document.addTitle(info.title());
      document.addAuthor(info.author());
      document.addCreator("mdt");
      document.addProducer(Document.getVersion());
      document.addModificationDate(date);
      writer.setXmpMetadata(xmp(info));
      document.open();
      writer.getInfo().put(PdfName.CREATIONDATE, date); // Document's own would say "now"
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString(LANGUAGE));
      outputIntent(writer);
      content.addTo(document, writer);
    } catch (DocumentException e) {
      throw new IllegalStateException("PDF could not be written", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      document.close();
    }
  }

  /**
   * sRGB, so that the colours (and greys) of text, rules and charts are defined as PDF/A requires.
   */
  private static void outputIntent(PdfWriter writer) throws IOException {
    writer.setOutputIntents(
        "Custom",
        "",
        "http://www.color.org",
        "sRGB IEC61966-2.1",
        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
    PdfArray intents = writer.getExtraCatalog().getAsArray(PdfName.OUTPUTINTENTS);
    intents.getAsDict(0).put(PdfName.S, PdfName.GTS_PDFA1); // OpenPDF writes a PDF/X intent
  }

  private static PdfDate pdfDate(Instant instant) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return new PdfDate(calendar);
  }

  /** PDF/A-2b's XMP packet, saying what the document information dictionary says. */
  private static byte[] xmp(Info info) {
    String date = info.created().truncatedTo(ChronoUnit.SECONDS).toString();
    String packet =
        """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
        <dc:format>application/pdf</dc:format>
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
        <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
        <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
        <xmp:CreatorTool>mdt</xmp:CreatorTool>
        <xmp:CreateDate>%s</xmp:CreateDate>
        <xmp:ModifyDate>%s</xmp:ModifyDate>
        <xmp:MetadataDate>%s</xmp:MetadataDate>
        <pdf:Producer>%s</pdf:Producer>
        <pdfaid:part>2</pdfaid:part>
        <pdfaid:conformance>B</pdfaid:conformance>
        </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>"""
            .formatted(
                xml(info.title()),
                xml(info.author()),
                LANGUAGE,
                date,
                date,
                date,
                xml(Document.getVersion()));
    return packet.getBytes(StandardCharsets.UTF_8);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The running head at the top and "Page N of M" at the bottom of every page, drawn by a page
   * event so that no page goes without them; M is a template filled in when the document closes.
   */
  private static final class PageFurniture extends PdfPageEventHelper {
    private static final float SIZE = PdfStyle.SMALL.size();
    private final String runningHead;
    private PdfTemplate total;

    PageFurniture(String runningHead) {
      this.runningHead = runningHead;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(40, SIZE * 1.5f);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte canvas = writer.getDirectContent();
      float centre = (document.left() + document.right()) / 2;
      ColumnText.showTextAligned(
          canvas,
          Element.ALIGN_CENTER,
          PdfStyle.phrase(runningHead, PdfStyle.SMALL),
          centre,
          document.top() + 20,
          0,
          PdfWriter.RUN_DIRECTION_LTR,
          0);
      BaseFont font = PdfFonts.latin(false);
      String page = "Page " + writer.getPageNumber() + " of ";
      float y = document.bottom() - 24;
      canvas.beginText();
      canvas.setFontAndSize(font, SIZE);
      canvas.showTextAligned(Element.ALIGN_RIGHT, page, centre, y, 0);
      canvas.endText();
      canvas.addTemplate(total, centre, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      total.beginText();
      total.setFontAndSize(PdfFonts.latin(false), SIZE);
      total.setTextMatrix(0, 0);
      total.showText(Integer.toString(writer.getPageNumber() - 1));
      total.endText();
    }
  }

  /**
   * Replaces each random subset tag with one made from its order in the file, of the same length.
   */
  private static byte[] withFixedSubsetTags(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Map<String, String> fixed = new LinkedHashMap<>();
    Matcher tag = SUBSET_TAG.matcher(text);
    while (tag.find()) {
      fixed.computeIfAbsent(tag.group(1), random -> "MDTAA" + (char) ('A' + fixed.size() % 26));
    }
    for (Map.Entry<String, String> entry : fixed.entrySet()) {
      text = text.replace("/" + entry.getKey() + "+", "/" + entry.getValue() + "+");
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Replaces the random file identifier with an MD5 of everything else, of the same length. */
  private static byte[] withContentId(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher id = FILE_ID.matcher(text);
    if (!id.find()) {
      return pdf;
    }
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(pdf, 0, id.start());
      md5.update(pdf, id.end(), pdf.length - id.end());
      String digest = HexFormat.of().formatHex(md5.digest());
      return (text.substring(0, id.start())
              + "/ID [<"
              + digest
              + "><"
              + digest
              + ">]"
              + text.substring(id.end()))
          .getBytes(StandardCharsets.ISO_8859_1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}

package org.mdt.review;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mdt.codes.Codes;
import org.mdt.team.Member;

/**
 * The printable agenda: team, date, time and place; the cases by initials and case number, each with why
 * it is due and its open follow-ups; what rolled over; and a sign-in sheet by discipline. No child's full
 * name or date of birth is ever written here, and a restricted case shows only its number.
 */
public final class AgendaPdf {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final int BLANK_SIGN_IN_ROWS = 2;

  private AgendaPdf() {}

  public static void write(Agenda agenda, List<Member> members, OutputStream out) {
    Meeting meeting = agenda.meeting();
    Document document = new Document(PageSize.LETTER, 48, 48, 54, 54);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("MDT case review agenda " + meeting.team() + " " + meeting.date());
      document.addCreator("mdt");
      String when = meeting.date() + " (" + meeting.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + ")";
      HeaderFooter header = new HeaderFooter(new Phrase("CONFIDENTIAL - " + meeting.team() + " - case review "
          + meeting.date(), SMALL), false);
      header.setAlignment(Element.ALIGN_CENTER);
      document.setHeader(header);
      HeaderFooter footer = new HeaderFooter(new Phrase("Page ", SMALL), true);
      footer.setAlignment(Element.ALIGN_CENTER);
      document.setFooter(footer);
      document.open();

      document.add(new Paragraph("MDT case review agenda", TITLE));
      document.add(new Paragraph("Team: " + meeting.team(), BODY));
      document.add(new Paragraph("Date: " + when, BODY));
      document.add(new Paragraph("Time: " + (meeting.time() == null ? "not set" : meeting.time().toString()), BODY));
      document.add(new Paragraph("Location: " + (meeting.location() == null ? "not set" : meeting.location()), BODY));
      document.add(new Paragraph(" ", BODY));

      document.add(new Paragraph("Cases (" + agenda.cases().size() + ")", HEADING));
      PdfPTable cases = table(new float[] {4, 12, 14, 10, 40}, "#", "Case", "Child", "Reason", "Open follow-ups");
      int number = 1;
      for (Agenda.Item item : agenda.cases()) {
        cases.addCell(cell(Integer.toString(number++)));
        cases.addCell(cell(item.facts().caseNumber()));
        cases.addCell(cell(item.label()));
        cases.addCell(cell(item.reason().code()));
        cases.addCell(cell(followups(item)));
      }
      document.add(cases);
      if (!agenda.rolledOver().isEmpty()) {
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Rolled over to the next meeting"
            + (agenda.nextMeeting() == null ? "" : " (" + agenda.nextMeeting() + ")") + ": "
            + String.join(", ", agenda.rolledOver()), BODY));
      }

      document.newPage();
      document.add(new Paragraph("Sign-in sheet - " + meeting.team() + " - " + when, TITLE));
      for (String discipline : Codes.DISCIPLINE.codes()) {
        document.add(new Paragraph(discipline.replace('_', ' '), HEADING));
        PdfPTable sheet = table(new float[] {30, 30, 40}, "Name", "Agency", "Signature");
        for (Member member : members) {
          if (member.discipline().equals(discipline)) {
            sheet.addCell(cell(member.name()));
            sheet.addCell(cell(member.agency()));
            sheet.addCell(cell(""));
          }
        }
        for (int i = 0; i < BLANK_SIGN_IN_ROWS * 3; i++) {
          sheet.addCell(cell(" "));
        }
        document.add(sheet);
      }
    } catch (DocumentException e) {
      throw new IllegalStateException("agenda PDF could not be written", e);
    } finally {
      document.close();
    }
  }

  private static String followups(Agenda.Item item) {
    if (item.facts().restricted()) {
      return item.facts().openFollowups().isEmpty() ? "" : item.facts().openFollowups().size() + " open (restricted)";
    }
    return item.facts().openFollowups().stream()
        .map(f -> f.action() + " - " + f.owner() + " (" + f.discipline().replace('_', ' ') + ")"
            + (f.due() == null ? "" : ", due " + f.due()))
        .collect(Collectors.joining("\n"));
  }

  private static PdfPTable table(float[] widths, String... titles) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    for (String title : titles) {
      PdfPCell cell = new PdfPCell(new Phrase(title, HEADING));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
    return table;
  }

  private static PdfPCell cell(String text) {
    PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
    cell.setMinimumHeight(18);
    return cell;
  }
}

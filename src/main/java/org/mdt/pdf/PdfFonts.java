package org.mdt.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts every mdt PDF embeds (subset), so that names print as they are written in any of the
 * alphabets Connecticut's families and team members use: Noto Sans (Latin with Polish and
 * Vietnamese, Greek, Cyrillic), Noto Naskh Arabic, and Droid Sans Fallback (Chinese, Japanese,
 * Korean). Each character takes the first font that has it, like OpenPDF's {@code FontSelector};
 * unlike it, a font is read only when a character needs it (the CJK font is 4 MB) and a character
 * no font has is printed as "?" and reported, never dropped.
 */
public final class PdfFonts {
  private static final String FOLDER = "/org/mdt/pdf/fonts/";
  private static final Map<String, BaseFont> LOADED = new ConcurrentHashMap<>();

  /**
   * The characters no font had, per document being written on this thread; see {@link
   * #collectMissing}.
   */
  private static final ThreadLocal<Set<String>> MISSING = new ThreadLocal<>();

  /**
   * Lines break at spaces (and between CJK characters), never at a hyphen: case numbers such as
   * 25-1139 and names such as Smith-Jones stay whole.
   */
  private static final SplitCharacter BETWEEN_WORDS =
      (start, current, end, text, chunks) -> {
        int c =
            chunks == null
                ? text[current]
                : chunks[Math.min(current, chunks.length - 1)].getUnicodeEquivalent(text[current]);
        return c <= ' ' || c >= '\u2e80' && c < '\ud7a0';
      };

  /** The fonts tried for each character, in this order. */
  private enum Family {
    LATIN("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARABIC("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf"),
    CJK("DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf");

    private final String regular;
    private final String bold;

    Family(String regular, String bold) {
      this.regular = regular;
      this.bold = bold;
    }

    BaseFont font(boolean isBold) {
      return load(isBold ? bold : regular);
    }
  }

  private PdfFonts() {}

  /** The Latin font: page numbers, and the font charts are drawn in. */
  public static BaseFont latin(boolean bold) {
    return Family.LATIN.font(bold);
  }

  /** {@code text} as runs of one font each, every character in the first font that has it. */
  public static Phrase phrase(String text, float size, boolean bold) {
    Phrase phrase = new Phrase();
    StringBuilder run = new StringBuilder();
    BaseFont runFont = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      BaseFont font = fontFor(c, runFont, bold);
      if (font == null) {
        noteMissing(c);
        c = '?';
        font = latin(bold);
      }
      if (font != runFont && run.length() > 0) {
        phrase.add(chunk(run, runFont, size));
        run.setLength(0);
      }
      runFont = font;
      run.appendCodePoint(c);
    }
    if (run.length() > 0) {
      phrase.add(chunk(run, runFont, size));
    }
    return phrase;
  }

  private static Chunk chunk(CharSequence text, BaseFont font, float size) {
    Chunk chunk = new Chunk(text.toString(), new Font(font, size));
    chunk.setSplitCharacter(BETWEEN_WORDS);
    return chunk;
  }

  /**
   * Runs {@code body} and returns the characters (as "X (U+0000)") that no font had while it ran on
   * this thread, so that the writer of one document can warn about them even though cells are made
   * by static helpers that know no document.
   */
  public static Set<String> collectMissing(Runnable body) {
    Set<String> missing = new TreeSet<>();
    Set<String> outer = MISSING.get();
    MISSING.set(missing);
    try {
      body.run();
    } finally {
      MISSING.set(outer);
    }
    return missing;
  }

  /**
   * Spaces and punctuation stay in the font of the run they are in, so a Chinese name is one run.
   */
  private static BaseFont fontFor(int c, BaseFont runFont, boolean bold) {
    if (runFont != null && !Character.isLetterOrDigit(c) && runFont.charExists(c)) {
      return runFont;
    }
    if (Character.isISOControl(c)) {
      return latin(bold);
    }
    for (Family family : Family.values()) {
      BaseFont font = family.font(bold);
      if (font.charExists(c)) {
        return font;
      }
    }
    return null;
  }

  private static void noteMissing(int c) {
    Set<String> missing = MISSING.get();
    if (missing != null) {
      missing.add(new String(Character.toChars(c)) + String.format(" (U+%04X)", c));
    }
  }

  private static BaseFont load(String file) {
    return LOADED.computeIfAbsent(
        file,
        name -> {
          try (InputStream in = PdfFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
              throw new IllegalStateException("font " + name + " is missing from the jar");
            }
            BaseFont font =
                BaseFont.createFont(
                    name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            font.setIncludeCidSet(
                false); // PDF/A-2 wants a CIDSet complete or absent; OpenPDF's is not complete
            return font;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (DocumentException e) {
            throw new IllegalStateException("font " + name + " could not be read", e);
          }
        });
  }
}

package org.mdt.roster;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mdt.MdtException;

/**
 * A CSV (or tab- or semicolon-separated) roster streamed with Jackson. The encoding is found before
 * any row is read ({@link TextEncoding}), and the separator from the first rows, where the header
 * is. A record is read a cell at a time, so that a hostile file (a megabytes-long line, a million
 * columns) is refused before it fills the memory.
 */
final class CsvSource implements SheetSource {
  /** A real roster has fewer than 100 columns. */
  static final int MAX_COLUMNS = 1_000;

  /** A notes cell may hold a few KB; no real row comes near this. */
  static final int MAX_ROW_CHARS = 1 << 20;

  private static final int SNIFF_LINES = HeaderDetector.SEARCH_ROWS;

  private final String fileName;
  private final Reader reader;
  private final CsvParser parser;
  private int recordNumber;

  CsvSource(Path file) throws IOException {
    fileName = file.getFileName().toString();
    Charset charset = TextEncoding.detect(file);
    char separator = sniffSeparator(file, charset);
    reader = TextEncoding.open(file, charset);
    CsvFactory factory =
        CsvFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_ROW_CHARS).build())
            .build();
    parser = factory.createParser(reader);
    parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
  }

  @Override
  public SheetRow next() throws IOException {
    try {
      if (parser.nextToken() == null) {
        return null;
      }
      recordNumber++;
      List<Cell> cells = new ArrayList<>();
      long columns = 0;
      long chars = 0;
      for (JsonToken token;
          (token = parser.nextToken()) != JsonToken.END_ARRAY && token != null; ) {
        String value = parser.getText();
        chars += value.length() + 1;
        if (chars > MAX_ROW_CHARS) {
          throw tooLong();
        }
        if (++columns <= MAX_COLUMNS) {
          cells.add(Cell.text(value));
        }
      }
      if (columns > MAX_COLUMNS) {
        throw MdtException.data(
            String.format(
                "%s: row %d has %,d columns; a roster has at most %,d",
                fileName, recordNumber, columns, MAX_COLUMNS));
      }
      return new SheetRow(recordNumber, cells);
    } catch (StreamConstraintsException e) { // one cell longer than a row may be
      throw tooLong();
    } catch (IOException | RuntimeException e) {
      if (e instanceof MdtException mdt) {
        throw mdt;
      }
      throw MdtException.data(
          "malformed CSV near record " + (recordNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  private MdtException tooLong() {
    return MdtException.data(
        String.format(
            "%s: row %d is longer than %d MiB", fileName, recordNumber, MAX_ROW_CHARS >> 20));
  }

  /**
   * The separator that appears most in the first lines: exports from Excel may use tabs or
   * semicolons.
   */
  private static char sniffSeparator(Path file, Charset charset) throws IOException {
    char[] candidates = {',', '\t', ';'};
    int[] best = new int[candidates.length];
    try (BufferedReader lines = TextEncoding.open(file, charset)) {
      String line;
      for (int n = 0; n < SNIFF_LINES && (line = boundedLine(lines)) != null; n++) {
        for (int c = 0; c < candidates.length; c++) {
          best[c] = Math.max(best[c], count(line, candidates[c]));
        }
        if (line.length() == MAX_ROW_CHARS) { // a line too long for a row: the parser will say so
          break;
        }
      }
    }
    int pick = 0;
    for (int c = 1; c < candidates.length; c++) {
      if (best[c] > best[pick]) {
        pick = c;
      }
    }
    return candidates[pick];
  }

  /**
   * The next line, or its first {@link #MAX_ROW_CHARS} characters: a file of one endless line must
   * not be read into memory whole just to count its separators.
   */
  private static String boundedLine(Reader in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = 0;
    while (line.length() < MAX_ROW_CHARS && (c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    return c == -1 && line.isEmpty() ? null : line.toString();
  }

  private static int count(String line, char c) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    parser.close();
    reader.close();
  }
}

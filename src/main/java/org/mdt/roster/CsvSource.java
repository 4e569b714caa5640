package org.mdt.roster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
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
 * A CSV (or tab- or semicolon-separated) roster streamed with Jackson. The encoding is found before any
 * row is read ({@link TextEncoding}), and the separator from the first rows, where the header is.
 */
final class CsvSource implements SheetSource {
  private static final int SNIFF_LINES = HeaderDetector.SEARCH_ROWS;

  private final Reader reader;
  private final MappingIterator<List<String>> records;
  private int recordNumber;

  CsvSource(Path file) throws IOException {
    Charset charset = TextEncoding.detect(file);
    char separator = sniffSeparator(file, charset);
    reader = TextEncoding.open(file, charset);
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
    records = new CsvMapper()
        .enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class)
        .with(schema)
        .readValues(reader);
  }

  @Override
  public SheetRow next() throws IOException {
    try {
      if (!records.hasNextValue()) {
        return null;
      }
      List<String> values = records.nextValue();
      recordNumber++;
      List<Cell> cells = new ArrayList<>(values.size());
      for (String value : values) {
        cells.add(Cell.text(value));
      }
      return new SheetRow(recordNumber, cells);
    } catch (RuntimeException e) {
      throw MdtException.data("malformed CSV near record " + (recordNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  /** The separator that appears most in the first lines: exports from Excel may use tabs or semicolons. */
  private static char sniffSeparator(Path file, Charset charset) throws IOException {
    char[] candidates = {',', '\t', ';'};
    int[] best = new int[candidates.length];
    try (BufferedReader lines = TextEncoding.open(file, charset)) {
      String line;
      for (int n = 0; n < SNIFF_LINES && (line = lines.readLine()) != null; n++) {
        for (int c = 0; c < candidates.length; c++) {
          best[c] = Math.max(best[c], count(line, candidates[c]));
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
    records.close();
    reader.close();
  }
}

package org.mdt.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes small rosters for tests: CSV text in any encoding, and xlsx with real date cells. */
final class RosterFiles {
  private RosterFiles() {}

  static Path csv(Path file, Charset charset, String... lines) {
    try {
      Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path csv(Path file, String... lines) {
    return csv(file, java.nio.charset.StandardCharsets.UTF_8, lines);
  }

  /** A UTF-8 CSV of a header line and rows. */
  static Path csvWithHeader(Path file, String header, String... rows) {
    String[] lines = new String[rows.length + 1];
    lines[0] = header;
    System.arraycopy(rows, 0, lines, 1, rows.length);
    return csv(file, lines);
  }

  /**
   * An xlsx whose rows are lists of cells: a String is a text cell, a LocalDate a real date cell, a
   * Number a number cell, null an empty cell.
   */
  static Path xlsx(Path file, String sheet, List<List<Object>> rows) {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "mdt-test", "1.0");
      Worksheet ws = workbook.newWorksheet(sheet);
      for (int r = 0; r < rows.size(); r++) {
        List<Object> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof LocalDate date) {
            ws.value(r, c, date);
            ws.style(r, c).format("yyyy-mm-dd").set();
          } else if (value instanceof Number number) {
            ws.value(r, c, number);
          } else if (value != null) {
            ws.value(r, c, value.toString());
          }
        }
      }
      workbook.finish();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

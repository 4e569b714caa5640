package org.mdt.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mdt.MdtException;

/**
 * Refuses zip bombs before an xlsx reader sees them, by inflating every entry once and counting
 * what comes out: declared sizes in a zip can lie. A real roster's XML inflates 5 to 20 times; a
 * bomb inflates hundreds or thousands of times, and is stopped as soon as it passes the limits. The
 * same pass refuses a cell beyond the last column a workbook can have (XFD): fastexcel fills a row
 * up to its cell's column, so one cell at column ZZZZZZ would take hundreds of millions of slots.
 */
final class ZipGuard {
  /**
   * POI's rule of thumb (ZipSecureFile's minimum inflate ratio of 0.01), applied past the first
   * MiB.
   */
  static final int MAX_RATIO = 100;

  private static final long RATIO_FREE_BYTES = 1 << 20;

  /** More XML than the largest sheet Excel can hold would need. */
  static final long MAX_TOTAL_BYTES = 4L << 30;

  /** Column XFD, the last an xlsx sheet can have. */
  static final int MAX_COLUMN = 16_384;

  private static final byte[] CELL_REFERENCE =
      " r=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private ZipGuard() {}

  static void check(Path file) throws IOException {
    long total = 0;
    byte[] buffer = new byte[1 << 16];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        ColumnCheck columns =
            entry.getName().startsWith("xl/worksheets/") ? new ColumnCheck() : null;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            if (columns != null && !columns.accept(buffer, n)) {
              throw MdtException.data(
                  file.getFileName()
                      + ": "
                      + entry.getName()
                      + " has a cell beyond column XFD,"
                      + " the last a workbook can have; refusing to read it");
            }
            inflated += n;
            total += n;
            if (inflated > RATIO_FREE_BYTES && inflated > compressed * MAX_RATIO) {
              throw MdtException.data(
                  file.getFileName()
                      + " looks like a zip bomb: "
                      + entry.getName()
                      + " inflates more than "
                      + MAX_RATIO
                      + " times; refusing to read it");
            }
            if (total > MAX_TOTAL_BYTES) {
              throw MdtException.data(
                  file.getFileName()
                      + " inflates to more than "
                      + (MAX_TOTAL_BYTES >> 30)
                      + " GiB; refusing to read it");
            }
          }
        }
      }
    } catch (ZipException e) {
      throw MdtException.data(
          file.getFileName() + " is a damaged or truncated workbook (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads the column letters of each {@code r="A1"} attribute in a sheet's XML as it streams past.
   */
  private static final class ColumnCheck {
    private int matched;
    private int column = -1;

    /** False once a cell reference names a column past {@link #MAX_COLUMN}. */
    boolean accept(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        byte b = bytes[i];
        if (column >= 0) {
          if (b >= 'A' && b <= 'Z') {
            column = column * 26 + (b - 'A' + 1);
            if (column > MAX_COLUMN) {
              return false;
            }
            continue;
          }
          column = -1;
        }
        matched = b == CELL_REFERENCE[matched] ? matched + 1 : (b == CELL_REFERENCE[0] ? 1 : 0);
        if (matched == CELL_REFERENCE.length) {
          matched = 0;
          column = 0;
        }
      }
      return true;
    }
  }
}

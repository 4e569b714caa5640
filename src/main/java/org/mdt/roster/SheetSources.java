package org.mdt.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.mdt.MdtException;

/**
 * Opens a roster by what its bytes are, not what its name says: a zip is xlsx, an OLE2 container is
 * a legacy xls or an encrypted workbook, anything else is text (CSV). A name that promises a
 * workbook whose bytes are not one is refused, so a renamed text file never reaches a workbook
 * parser.
 */
final class SheetSources {
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  private SheetSources() {}

  static SheetSource open(Path file, String sheetName) throws IOException {
    String name = file.getFileName().toString();
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) { // the importer has checked that it exists
      head = in.readNBytes(8192);
    }
    if (head.length == 0) {
      throw MdtException.data(name + " is empty");
    }
    if (startsWith(head, ZIP)) {
      return new XlsxSource(file, sheetName);
    }
    if (startsWith(head, OLE2)) {
      return openOle2(file, name, sheetName);
    }
    if (namesWorkbook(file)) {
      throw MdtException.data(
          name
              + " is not an Excel workbook (its bytes are not xlsx or xls); if it is CSV text,"
              + " name it .csv");
    }
    if (hasNul(head) && !(head[0] == (byte) 0xFF || head[0] == (byte) 0xFE)) {
      throw MdtException.data(name + " is not a spreadsheet or CSV text (it holds binary data)");
    }
    return new CsvSource(file);
  }

  /**
   * Whether the file's name promises a workbook: text bytes under such a name are refused, so
   * reading a file depends on this as well as on its bytes.
   */
  static boolean namesWorkbook(Path file) {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".xlsm");
  }

  private static SheetSource openOle2(Path file, String name, String sheetName) throws IOException {
    POIFSFileSystem fs;
    try {
      fs = new POIFSFileSystem(file.toFile(), true);
    } catch (IOException | RuntimeException e) {
      throw MdtException.data(
          name + " is a damaged or truncated workbook (" + e.getMessage() + ")");
    }
    // An encrypted xlsx is an OLE2 container holding EncryptionInfo and the encrypted package.
    if (fs.getRoot().hasEntry("EncryptionInfo")) {
      fs.close();
      throw MdtException.data(
          name + " is password-protected: save an unprotected copy and import that");
    }
    if (!fs.getRoot().hasEntry("Workbook")
        && !fs.getRoot().hasEntry("WORKBOOK")
        && !fs.getRoot().hasEntry("Book")) {
      fs.close();
      throw MdtException.data(name + " is an Office file but not an Excel workbook");
    }
    return new XlsSource(fs, name, sheetName);
  }

  private static boolean hasNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

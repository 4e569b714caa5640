package org.mdt.roster;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.mdt.MdtException;

/**
 * A legacy .xls sheet read with POI. The format holds at most 65,536 rows, so reading the workbook
 * whole is bounded; a password-protected one (FILEPASS) is refused with one line.
 */
final class XlsSource implements SheetSource {
  private final HSSFWorkbook workbook;
  private final Iterator<Row> rows;

  XlsSource(POIFSFileSystem fs, String fileName, String sheetName) throws IOException {
    try {
      workbook = new HSSFWorkbook(fs.getRoot(), true);
    } catch (EncryptedDocumentException e) {
      throw MdtException.data(
          fileName + " is password-protected: save an unprotected copy and import that");
    } catch (RuntimeException e) {
      throw MdtException.data(fileName + " is a damaged .xls workbook (" + e.getMessage() + ")", e);
    }
    Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
    if (sheet == null) {
      throw MdtException.data("no sheet named '" + sheetName + "' in " + fileName);
    }
    rows = sheet.rowIterator();
  }

  @Override
  public SheetRow next() {
    try {
      return rows.hasNext() ? toRow(rows.next()) : null;
    } catch (RuntimeException e) { // POI on a damaged record: bad input, not a bug of ours
      throw MdtException.data("damaged .xls workbook: " + e, e);
    }
  }

  private static SheetRow toRow(Row row) {
    List<Cell> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
    for (int i = 0; i < row.getLastCellNum(); i++) {
      cells.add(toCell(row.getCell(i)));
    }
    return new SheetRow(row.getRowNum() + 1, cells);
  }

  private static Cell toCell(org.apache.poi.ss.usermodel.Cell cell) {
    if (cell == null) {
      return Cell.BLANK;
    }
    boolean formula = cell.getCellType() == CellType.FORMULA;
    CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case NUMERIC -> Cell.number(BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString());
      case STRING -> Cell.text(cell.getRichStringCellValue().getString());
      case BOOLEAN -> Cell.text(Boolean.toString(cell.getBooleanCellValue()));
      default ->
          formula
              ? Cell.FORMULA_WITHOUT_VALUE
              : Cell.BLANK; // an error result (#REF!) is no value either
    };
  }

  @Override
  public boolean date1904() {
    return workbook.getInternalWorkbook().isUsing1904DateWindowing();
  }

  @Override
  public void close() throws IOException {
    workbook.close();
  }
}

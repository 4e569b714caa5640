package org.mdt.roster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mdt.MdtException;
import org.mdt.cases.Column;
import org.mdt.codes.CodeList;

/**
 * Finds the header row among the first {@value #SEARCH_ROWS} rows (title and "exported on" rows sit
 * above it) and which column holds which canonical field. A header matches a canonical name or a
 * common variant ignoring case, spaces and punctuation; the mapping file's headers are matched
 * first.
 */
final class HeaderDetector {
  static final int SEARCH_ROWS = 20;

  private final Map<String, Column> columnByHeader = new HashMap<>();

  HeaderDetector(MappingFile mapping) {
    for (Column column : Column.values()) {
      columnByHeader.put(key(column.canonicalName()), column);
      for (String variant : column.variants()) {
        columnByHeader.put(key(variant), column);
      }
    }
    mapping
        .columns()
        .forEach(
            (header, target) -> columnByHeader.put(key(header), Column.byCanonicalName(target)));
  }

  private static String key(String header) {
    return CodeList.normalize(header).replace(" ", "");
  }

  /** The header found: which column holds which field, and the headers it could not use. */
  record Found(
      Map<Column, Integer> indexByColumn,
      Map<Column, String> headerByColumn,
      List<String> ignoredHeaders,
      List<String> repeatedHeaders) {

    /** The file's own header for a column, which is what a person fixing the file looks for. */
    String header(Column column) {
      return headerByColumn.getOrDefault(column, column.canonicalName());
    }
  }

  /**
   * Reads rows until the header (the given row, or the first with both required columns) and
   * returns it; the source is left at the first row after the header.
   */
  Found find(SheetSource source, Integer headerRow, String fileName) throws IOException {
    for (SheetRow row; (row = source.next()) != null && row.number() <= SEARCH_ROWS; ) {
      if (headerRow != null && row.number() != headerRow) {
        continue;
      }
      Found found = match(row);
      if (found.indexByColumn().containsKey(Column.CASE_NUMBER)
          && found.indexByColumn().containsKey(Column.REFERRAL_DATE)) {
        return found;
      }
      if (headerRow != null) {
        throw MdtException.data(
            fileName
                + ": row "
                + headerRow
                + " (the mapping file's headerRow) has no "
                + missing(found)
                + " column");
      }
    }
    throw MdtException.data(
        fileName
            + ": no header row found in the first "
            + SEARCH_ROWS
            + " rows (a header row names at least case_number and referral_date; a mapping file can name others)");
  }

  private Found match(SheetRow row) {
    Map<Column, Integer> indexByColumn = new EnumMap<>(Column.class);
    Map<Column, String> headerByColumn = new EnumMap<>(Column.class);
    List<String> ignored = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < row.cells().size(); i++) {
      String header = row.cell(i).text().trim();
      if (header.isEmpty()) {
        continue;
      }
      Column column = columnByHeader.get(key(header));
      if (column == null) {
        ignored.add(header);
      } else if (indexByColumn.putIfAbsent(column, i) != null) {
        repeated.add(header);
      } else {
        headerByColumn.put(column, header);
      }
    }
    return new Found(indexByColumn, headerByColumn, ignored, repeated);
  }

  private static String missing(Found found) {
    return found.indexByColumn().containsKey(Column.CASE_NUMBER) ? "referral_date" : "case_number";
  }
}

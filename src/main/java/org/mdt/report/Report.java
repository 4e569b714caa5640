package org.mdt.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mdt.text.Table;

/**
 * What every report gives its one emitter: a JSON value (the report's contract, keys as
 * documented), the same figures as rows under keyed and titled columns (CSV and the terminal), and
 * a {@link ReportDocument} (PDF and xlsx). The emitter picks the face from {@code --format} or the
 * {@code --out} file's extension, so a report never knows where it goes.
 */
public interface Report {
  /** The columns of the statistics reports (NCA, VOCA): a measure, a category's code, its count. */
  List<Table.Column> MEASURE_CODE_COUNT =
      Table.coded(Table.columns("measure", "MEASURE", "code", "CODE", "count", "COUNT"), "code");

  /**
   * The line above the aligned text table, saying what, which team and when; empty when the table
   * says it.
   */
  Optional<String> heading();

  /** The JSON object, with the keys the report's documentation names. */
  Map<String, Object> json();

  /** The columns of {@link #rows}: key for CSV, title for the text table. */
  List<Table.Column> columns();

  /** The figures as rows, one value per column. */
  List<List<Object>> rows();

  /** The pages of PDF and xlsx: title, team, period, sections and definitions. */
  ReportDocument document();

  /** Notes for stderr about the figures, such as a period not begun; none by default. */
  default List<String> notes() {
    return List.of();
  }

  /**
   * {@link #columns} and {@link #rows} as one table; a row that does not fit its columns is
   * refused.
   */
  default Table table() {
    Table table = Table.of(columns());
    rows().forEach(row -> table.row(row.toArray()));
    return table;
  }
}

package org.mdt.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tabular results: each column has a JSON/CSV key and a title for the aligned text table. Only
 * data: the CLI's printer renders it, and reports outside the CLI return it.
 */
public final class Table {
  /**
   * A column: its key in JSON and CSV, and its title over the aligned text table. A {@code coded}
   * column holds codes (child_protective_services), which the aligned table shows by their labels
   * (Child protective services); JSON and CSV keep the codes, which programs read.
   */
  public record Column(String key, String title, boolean coded) {
    public Column(String key, String title) {
      this(key, title, false);
    }
  }

  private final List<Column> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  private Table(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Alternating key and title: {@code Table.of("caseNumber", "CASE", "team", "TEAM")}. */
  public static Table of(String... keysAndTitles) {
    return of(columns(keysAndTitles));
  }

  public static Table of(List<Column> columns) {
    return new Table(columns);
  }

  /**
   * Columns from alternating key and title: {@code Table.columns("caseNumber", "CASE", "team",
   * "TEAM")}.
   */
  public static List<Column> columns(String... keysAndTitles) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < keysAndTitles.length; i += 2) {
      columns.add(new Column(keysAndTitles[i], keysAndTitles[i + 1]));
    }
    return List.copyOf(columns);
  }

  /** The columns, those with these keys marked as holding codes. */
  public static List<Column> coded(List<Column> columns, String... keys) {
    List<String> codedKeys = List.of(keys);
    return columns.stream()
        .map(c -> codedKeys.contains(c.key()) ? new Column(c.key(), c.title(), true) : c)
        .toList();
  }

  /** This table, its columns with these keys marked as holding codes. */
  public Table coded(String... keys) {
    Table coded = new Table(coded(columns, keys));
    coded.rows.addAll(rows);
    return coded;
  }

  public Table row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size() + " columns");
    }
    rows.add(Arrays.asList(values));
    return this;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> keys() {
    return columns.stream().map(Column::key).toList();
  }

  public List<String> titles() {
    return columns.stream().map(Column::title).toList();
  }

  public List<List<Object>> rows() {
    return rows;
  }
}

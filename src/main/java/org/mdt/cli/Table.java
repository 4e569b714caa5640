package org.mdt.cli;

import java.util.ArrayList;
import java.util.List;

/** Tabular results: each column has a JSON/CSV key and a title for the aligned text table. */
public final class Table {
  private final List<String> keys = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();
  private final List<List<Object>> rows = new ArrayList<>();

  /** Alternating key and title: {@code Table.of("caseNumber", "CASE", "team", "TEAM")}. */
  public static Table of(String... keysAndTitles) {
    Table table = new Table();
    for (int i = 0; i < keysAndTitles.length; i += 2) {
      table.keys.add(keysAndTitles[i]);
      table.titles.add(keysAndTitles[i + 1]);
    }
    return table;
  }

  public Table row(Object... values) {
    if (values.length != keys.size()) {
      throw new IllegalArgumentException("row has " + values.length + " values for " + keys.size() + " columns");
    }
    rows.add(java.util.Arrays.asList(values));
    return this;
  }

  List<String> keys() {
    return keys;
  }

  List<String> titles() {
    return titles;
  }

  List<List<Object>> rows() {
    return rows;
  }
}

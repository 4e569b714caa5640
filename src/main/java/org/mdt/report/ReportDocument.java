package org.mdt.report;

import java.util.List;

/**
 * A report as pages show it: a title, the team and period every page repeats, sections of tables, and the
 * definitions printed at the end. PDF and XLSX are written from this; JSON and CSV keep each report's own
 * contract.
 */
public record ReportDocument(String title, String team, String period, List<Section> sections,
    List<Definition> definitions) {

  /** A heading, a table under it, and optionally a bar chart of some of its figures. */
  public record Section(String heading, List<String> columns, List<List<Object>> rows, Chart chart) {
    public Section(String heading, List<String> columns, List<List<Object>> rows) {
      this(heading, columns, rows, null);
    }
  }

  /** A bar chart: a value for each label, in order. */
  public record Chart(String title, String valueAxis, java.util.Map<String, ? extends Number> values) {}

  /** What a term in the report means, exactly as the counts use it. */
  public record Definition(String term, String meaning) {}

  /** The line every page carries, so a single printed page still says what it is. */
  public String runningHead() {
    return title + " - " + team + " - " + period;
  }
}

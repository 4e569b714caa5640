package org.mdt.report;

import java.util.List;

/**
 * A report as pages show it: a title, the team and period every page repeats, sections of tables,
 * the definitions, and appendices of lists too long for a table cell, printed at the end. PDF and
 * XLSX are written from this; JSON and CSV keep each report's own contract. Everything here is for
 * people to read: labels, not database codes.
 */
public record ReportDocument(
    String title,
    String team,
    String period,
    List<Section> sections,
    List<Definition> definitions,
    List<Appendix> appendices) {

  public ReportDocument(
      String title,
      String team,
      String period,
      List<Section> sections,
      List<Definition> definitions) {
    this(title, team, period, sections, definitions, List.of());
  }

  /** A heading, a table under it, and optionally a bar chart of some of its figures. */
  public record Section(
      String heading, List<String> columns, List<List<Object>> rows, Chart chart) {
    public Section(String heading, List<String> columns, List<List<Object>> rows) {
      this(heading, columns, rows, null);
    }
  }

  /**
   * A bar chart: a value for each label, in order. Counts (whole numbers) get whole-number axis
   * ticks; {@code valueAxis} names the unit.
   */
  public record Chart(
      String title, String valueAxis, java.util.Map<String, ? extends Number> values) {
    /** True when every value is a whole count, so the axis shows no fractions. */
    public boolean counts() {
      return values.values().stream().allMatch(v -> v instanceof Integer || v instanceof Long);
    }
  }

  /** What a term in the report means, exactly as the counts use it. */
  public record Definition(String term, String meaning) {}

  /**
   * A complete list a section refers to (such as every case short of a standard), printed after the
   * definitions.
   */
  public record Appendix(String title, String introduction, List<String> items) {}

  /**
   * {@code part} as a percentage of {@code whole} to one decimal ("12.5%"), or "-" when the whole
   * is none.
   */
  public static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** The line every page carries, so a single printed page still says what it is. */
  public String runningHead() {
    return title + " - " + team + " - " + period;
  }
}

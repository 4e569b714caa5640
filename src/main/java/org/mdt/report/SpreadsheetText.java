package org.mdt.report;

/** Text bound for a spreadsheet (CSV or xlsx), made safe from formula injection. */
public final class SpreadsheetText {
  private SpreadsheetText() {}

  /** Text starting =, +, -, @, tab or CR gets a leading apostrophe: a spreadsheet would run it. */
  public static String neutralised(String text) {
    return formulaLike(text) ? "'" + text : text;
  }

  /**
   * Whether a spreadsheet would take the text for a formula: it starts with =, +, -, @, tab or CR.
   */
  public static boolean formulaLike(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
  }
}

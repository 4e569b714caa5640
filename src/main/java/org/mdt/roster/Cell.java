package org.mdt.roster;

/**
 * One cell as a reader found it: its text, and whether it was a number in the workbook (a date cell
 * is a number there: its serial). CSV cells are always text. A formula the workbook holds no
 * computed value for (saved by a tool that does not calculate) is blank, and says so: mdt never
 * evaluates formulas.
 */
record Cell(String text, boolean numeric, boolean formulaWithoutValue) {
  static final Cell BLANK = new Cell("", false, false);
  static final Cell FORMULA_WITHOUT_VALUE = new Cell("", false, true);

  static Cell text(String text) {
    return text == null || text.isEmpty() ? BLANK : new Cell(text, false, false);
  }

  static Cell number(String raw) {
    return new Cell(raw, true, false);
  }

  boolean isBlank() {
    return text.isBlank();
  }
}

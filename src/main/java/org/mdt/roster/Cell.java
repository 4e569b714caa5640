package org.mdt.roster;

/**
 * One cell as a reader found it: its text, and whether it was a number in the workbook (a date cell is a
 * number there: its serial). CSV cells are always text.
 */
record Cell(String text, boolean numeric) {
  static final Cell BLANK = new Cell("", false);

  static Cell text(String text) {
    return text == null || text.isEmpty() ? BLANK : new Cell(text, false);
  }

  static Cell number(String raw) {
    return new Cell(raw, true);
  }

  boolean isBlank() {
    return text.isBlank();
  }
}

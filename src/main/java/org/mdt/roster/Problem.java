package org.mdt.roster;

/**
 * Something wrong with one cell of a roster: why a row was rejected or a value stored with a
 * warning.
 *
 * @param row the row number a person sees in the file
 * @param column the canonical column, or empty when the problem is the whole row
 * @param header the file's own header for that column
 */
public record Problem(int row, String column, String header, String reason) {
  @Override
  public String toString() {
    return "row " + row + (column.isEmpty() ? "" : ", " + header) + ": " + reason;
  }
}

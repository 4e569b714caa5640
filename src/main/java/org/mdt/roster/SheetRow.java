package org.mdt.roster;

import java.util.List;

/**
 * A row of the source with the number a person sees for it (the spreadsheet row, or the CSV
 * record).
 */
record SheetRow(int number, List<Cell> cells) {
  Cell cell(int index) {
    return index < cells.size() ? cells.get(index) : Cell.BLANK;
  }

  boolean isBlank() {
    return cells.stream().allMatch(Cell::isBlank);
  }
}

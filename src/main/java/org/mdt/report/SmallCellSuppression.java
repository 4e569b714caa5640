package org.mdt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression for published counts (DESIGN section 6.5). Primary: every count from 1 to the
 * minimum cell size is suppressed. Complementary: wherever cells are published with their total (a row's
 * codes and the row's total; the teams of a month and the all-teams figure), an equation left with exactly
 * one suppressed cell would give it back by subtraction, so a second cell of that equation is suppressed
 * too (its smallest other non-zero cell, else its smallest, else its total), until no equation has one.
 */
public final class SmallCellSuppression {
  /** A published count. */
  public static final class Cell {
    final int value;
    boolean suppressed;

    public Cell(int value) {
      this.value = value;
    }

    public int value() {
      return value;
    }

    public boolean suppressed() {
      return suppressed;
    }
  }

  /** Published cells that add up to a published total. */
  public record Equation(List<Cell> parts, Cell total) {}

  private SmallCellSuppression() {}

  public static void apply(List<Cell> cells, List<Equation> equations, int minimumCell) {
    for (Cell cell : cells) {
      cell.suppressed = cell.value >= 1 && cell.value <= minimumCell;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Equation equation : equations) {
        List<Cell> all = new ArrayList<>(equation.parts());
        all.add(equation.total());
        if (all.stream().filter(c -> c.suppressed).count() != 1) {
          continue;
        }
        Cell complement = equation.parts().stream().filter(c -> !c.suppressed && c.value > 0)
            .min(Comparator.comparingInt(c -> c.value))
            .orElseGet(() -> equation.parts().stream().filter(c -> !c.suppressed)
                .min(Comparator.comparingInt(c -> c.value)).orElse(equation.total()));
        if (complement.suppressed) {
          continue; // only the total was left, and it is the one suppressed: nothing to subtract from
        }
        complement.suppressed = true;
        changed = true;
      }
    }
  }
}

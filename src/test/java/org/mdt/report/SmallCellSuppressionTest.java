package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {
  private static SmallCellSuppression.Cell cell(int value) {
    return new SmallCellSuppression.Cell(value);
  }

  @Test
  void aLoneSmallCellTakesItsSmallestNonZeroNeighbourWithIt() {
    SmallCellSuppression.Cell total = cell(42);
    SmallCellSuppression.Cell a = cell(20);
    SmallCellSuppression.Cell b = cell(15);
    SmallCellSuppression.Cell c = cell(7);
    SmallCellSuppression.Cell zero = cell(0);
    SmallCellSuppression.apply(List.of(total, a, b, c, zero),
        List.of(new SmallCellSuppression.Equation(List.of(a, b, c, zero), total)), 10);
    assertTrue(c.suppressed(), "7 is at most 10");
    assertTrue(b.suppressed(), "15 would give 7 back as 42 - 20 - 15 - 0");
    assertFalse(a.suppressed() || total.suppressed() || zero.suppressed());
  }

  @Test
  void aSmallTotalHidesAPartToo() {
    SmallCellSuppression.Cell total = cell(9);
    SmallCellSuppression.Cell a = cell(0);
    SmallCellSuppression.Cell b = cell(9);
    SmallCellSuppression.apply(List.of(total, a, b), List.of(new SmallCellSuppression.Equation(List.of(a, b), total)), 10);
    assertTrue(total.suppressed() && b.suppressed());
    assertFalse(a.suppressed(), "zero is published: it tells nothing a suppressed total does not");
  }

  /**
   * Random tables of teams by codes, rows adding up to row totals and teams adding up to all-teams cells:
   * after suppression no count from 1 to N is shown, and no equation is left with exactly one hidden cell,
   * so no hidden cell can be had by subtracting shown ones.
   */
  @Test
  void noShownCountIsSmallAndNoHiddenCellCanBeRecomputed() {
    Random random = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int teams = 2 + random.nextInt(4);
      int codes = 2 + random.nextInt(6);
      int minimum = 1 + random.nextInt(10);
      SmallCellSuppression.Cell[][] grid = new SmallCellSuppression.Cell[teams + 1][codes + 1]; // last row/col: totals
      List<SmallCellSuppression.Cell> all = new ArrayList<>();
      int[] columnSums = new int[codes + 1];
      for (int t = 0; t < teams; t++) {
        int rowSum = 0;
        for (int c = 0; c < codes; c++) {
          int value = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
          grid[t][c] = cell(value);
          rowSum += value;
          columnSums[c] += value;
        }
        grid[t][codes] = cell(rowSum);
        columnSums[codes] += rowSum;
      }
      for (int c = 0; c <= codes; c++) {
        grid[teams][c] = cell(columnSums[c]);
      }
      List<SmallCellSuppression.Equation> equations = new ArrayList<>();
      for (int t = 0; t <= teams; t++) {
        List<SmallCellSuppression.Cell> parts = new ArrayList<>();
        for (int c = 0; c < codes; c++) {
          parts.add(grid[t][c]);
        }
        equations.add(new SmallCellSuppression.Equation(parts, grid[t][codes]));
      }
      for (int c = 0; c <= codes; c++) {
        List<SmallCellSuppression.Cell> parts = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
          parts.add(grid[t][c]);
        }
        equations.add(new SmallCellSuppression.Equation(parts, grid[teams][c]));
      }
      for (SmallCellSuppression.Cell[] row : grid) {
        all.addAll(List.of(row));
      }
      SmallCellSuppression.apply(all, equations, minimum);
      for (SmallCellSuppression.Cell c : all) {
        assertFalse(!c.suppressed() && c.value() >= 1 && c.value() <= minimum, "a shown count of " + c.value());
      }
      for (SmallCellSuppression.Equation e : equations) {
        long hidden = e.parts().stream().filter(SmallCellSuppression.Cell::suppressed).count()
            + (e.total().suppressed() ? 1 : 0);
        assertNotEquals(1, hidden, "trial " + trial + ": one hidden cell in an equation can be recomputed");
      }
    }
  }

  @Test
  void nothingSmallNothingHidden() {
    SmallCellSuppression.Cell total = cell(50);
    SmallCellSuppression.Cell a = cell(20);
    SmallCellSuppression.Cell b = cell(30);
    SmallCellSuppression.apply(List.of(total, a, b), List.of(new SmallCellSuppression.Equation(List.of(a, b), total)), 10);
    assertEquals(0, List.of(total, a, b).stream().filter(SmallCellSuppression.Cell::suppressed).count());
  }
}

package org.mdt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

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
    SmallCellSuppression.apply(
        List.of(total, a, b, c, zero),
        List.of(SmallCellSuppression.Relation.holding(List.of(a, b, c, zero), total)),
        10);
    assertTrue(c.suppressed(), "7 is at most 10");
    assertTrue(b.suppressed(), "15 would give 7 back as 42 - 20 - 15 - 0");
    assertFalse(a.suppressed() || total.suppressed() || zero.suppressed());
  }

  @Test
  void aSmallTotalHidesAPartToo() {
    SmallCellSuppression.Cell total = cell(9);
    SmallCellSuppression.Cell a = cell(0);
    SmallCellSuppression.Cell b = cell(9);
    SmallCellSuppression.apply(
        List.of(total, a, b),
        List.of(SmallCellSuppression.Relation.holding(List.of(a, b), total)),
        10);
    assertTrue(total.suppressed() && b.suppressed());
    assertFalse(a.suppressed(), "zero is published: it tells nothing a suppressed total does not");
  }

  /** 12 = 10 + 1 + 1 with both 1s hidden: each hidden cell is at least 1, so both are exactly 1. */
  @Test
  void theAuditRejectsTwoHiddenOnesBesideTheirTotal() {
    SmallCellSuppression.Cell total = cell(12);
    SmallCellSuppression.Cell ten = cell(10);
    SmallCellSuppression.Cell one = cell(1);
    SmallCellSuppression.Cell other = cell(1);
    one.suppressed = true;
    other.suppressed = true;
    List<SuppressionAudit.Finding> findings =
        SuppressionAudit.audit(
            List.of(SmallCellSuppression.Relation.holding(List.of(ten, one, other), total)), 10);
    assertEquals(2, findings.size(), "both ones are pinned");
    for (SuppressionAudit.Finding finding : findings) {
      assertEquals(1.0, finding.low(), 1e-6);
      assertEquals(1.0, finding.high(), 1e-6);
    }
  }

  @Test
  void suppressionHidesUntilTheTwoOnesRangeAMinimumCellApart() {
    SmallCellSuppression.Cell total = cell(42);
    SmallCellSuppression.Cell thirty = cell(30);
    SmallCellSuppression.Cell ten = cell(10);
    SmallCellSuppression.Cell one = cell(1);
    SmallCellSuppression.Cell other = cell(1);
    List<SmallCellSuppression.Relation> relations =
        List.of(SmallCellSuppression.Relation.holding(List.of(thirty, ten, one, other), total));
    assertTrue(
        SmallCellSuppression.apply(List.of(total, thirty, ten, one, other), relations, 10)
            .isEmpty());
    assertTrue(one.suppressed() && other.suppressed() && ten.suppressed());
    assertTrue(
        thirty.suppressed(), "with 10 the ones could only reach 10 - 1 apart: 30 is hidden too");
    assertEquals(List.of(), SuppressionAudit.audit(relations, 10));
  }

  /**
   * 200 random tables of teams by codes, with row totals and an all-teams row: after suppression no
   * count from 1 to N is shown, and every primary suppressed cell ranges at least N wide under an
   * LP built here from the grid's rows and columns alone (hidden cells at least 1).
   */
  @Test
  void noPrimaryCellCanBeNarrowedBelowTheMinimumCell() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int teams = 2 + random.nextInt(4);
      int codes = 3 + random.nextInt(6);
      int minimum = 3 + random.nextInt(8);
      SmallCellSuppression.Cell[][] grid = grid(teams, codes, () -> random.nextInt(41));
      List<SmallCellSuppression.Relation> relations = relations(grid);
      List<SmallCellSuppression.Cell> all = new ArrayList<>();
      for (SmallCellSuppression.Cell[] row : grid) {
        all.addAll(List.of(row));
      }
      assertEquals(
          List.of(), SmallCellSuppression.apply(all, relations, minimum), "trial " + trial);
      for (SmallCellSuppression.Cell c : all) {
        assertFalse(
            !c.suppressed() && c.value() >= 1 && c.value() <= minimum,
            "a shown count of " + c.value());
      }
      assertRangesAtLeast(grid, teams, codes, minimum, "trial " + trial);
    }
  }

  /**
   * 100 random grids with random cells hidden: the audit reports exactly the hidden counts of 1 to
   * N whose range, by an LP built here over the whole grid, is narrower than N and than their range
   * with every non-zero count hidden. The audit settles most cells by bounds and witnesses, so this
   * checks those shortcuts against the definition.
   */
  @Test
  void theAuditReportsExactlyTheCellsItsDefinitionPins() {
    Random random = new Random(11);
    for (int trial = 0; trial < 100; trial++) {
      int teams = 2 + random.nextInt(3);
      int codes = 2 + random.nextInt(4);
      int minimum = 3 + random.nextInt(6);
      SmallCellSuppression.Cell[][] grid =
          grid(teams, codes, () -> random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(12));
      List<SmallCellSuppression.Relation> relations = relations(grid);
      List<SmallCellSuppression.Cell> expected = new ArrayList<>();
      for (SmallCellSuppression.Cell[] row : grid) {
        for (SmallCellSuppression.Cell c : row) {
          c.suppressed = c.value() > 0 && (c.value() <= minimum || random.nextBoolean());
        }
      }
      for (int t = 0; t <= teams; t++) {
        for (int c = 0; c <= codes; c++) {
          SmallCellSuppression.Cell cell = grid[t][c];
          if (cell.suppressed() && cell.value() <= minimum) {
            double width = width(grid, teams, codes, t, c, SmallCellSuppression.Cell::suppressed);
            double widest = width(grid, teams, codes, t, c, x -> x.value() > 0);
            if (width < Math.min(minimum, widest) - 1e-6) {
              expected.add(cell);
            }
          }
        }
      }
      List<SmallCellSuppression.Cell> reported =
          SuppressionAudit.audit(relations, minimum).stream()
              .map(SuppressionAudit.Finding::cell)
              .toList();
      assertEquals(Set.copyOf(expected), Set.copyOf(reported), "trial " + trial);
    }
  }

  /**
   * A teams x codes table of counts from {@code count}, row by row, with its totals: the last
   * column holds each row's, the last row each column's.
   */
  private static SmallCellSuppression.Cell[][] grid(int teams, int codes, IntSupplier count) {
    SmallCellSuppression.Cell[][] grid = new SmallCellSuppression.Cell[teams + 1][codes + 1];
    int[] columnSums = new int[codes + 1];
    for (int t = 0; t < teams; t++) {
      int rowSum = 0;
      for (int c = 0; c < codes; c++) {
        int value = count.getAsInt();
        grid[t][c] = cell(value);
        rowSum += value;
        columnSums[c] += value;
      }
      grid[t][codes] = cell(rowSum);
      columnSums[codes] += rowSum;
    }
    for (int c = 0; c <= codes; c++) {
      grid[grid.length - 1][c] = cell(columnSums[c]);
    }
    return grid;
  }

  /** The grid's sums: each row's cells add up to its last, each column's to its last. */
  private static List<SmallCellSuppression.Relation> relations(SmallCellSuppression.Cell[][] grid) {
    int teams = grid.length - 1;
    int codes = grid[0].length - 1;
    List<SmallCellSuppression.Relation> relations = new ArrayList<>();
    for (int t = 0; t <= teams; t++) {
      relations.add(
          SmallCellSuppression.Relation.holding(
              List.of(grid[t]).subList(0, codes), grid[t][codes]));
    }
    for (int c = 0; c <= codes; c++) {
      List<SmallCellSuppression.Cell> parts = new ArrayList<>();
      for (int t = 0; t < teams; t++) {
        parts.add(grid[t][c]);
      }
      relations.add(SmallCellSuppression.Relation.holding(parts, grid[teams][c]));
    }
    return relations;
  }

  /**
   * The range of cell (t, c) over the grid's row and column sums, the cells {@code hidden} accepts
   * unknown.
   */
  private static double width(
      SmallCellSuppression.Cell[][] grid,
      int teams,
      int codes,
      int t,
      int c,
      Predicate<SmallCellSuppression.Cell> hidden) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] unknown = new Variable[teams + 1][codes + 1];
    for (int row = 0; row <= teams; row++) {
      for (int column = 0; column <= codes; column++) {
        if (hidden.test(grid[row][column])) {
          unknown[row][column] = model.addVariable().lower(1).upper(1e9);
        }
      }
    }
    for (int row = 0; row <= teams; row++) {
      sumEquals(model, grid, unknown, row, -1, codes);
    }
    for (int column = 0; column <= codes; column++) {
      sumEquals(model, grid, unknown, -1, column, teams);
    }
    unknown[t][c].weight(1);
    return model.maximise().getValue() - model.minimise().getValue();
  }

  /** Minimises and maximises every hidden count of 1 to N over the grid's row and column sums. */
  private static void assertRangesAtLeast(
      SmallCellSuppression.Cell[][] grid, int teams, int codes, int minimum, String trial) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] hidden = new Variable[teams + 1][codes + 1];
    for (int t = 0; t <= teams; t++) {
      for (int c = 0; c <= codes; c++) {
        if (grid[t][c].suppressed()) {
          hidden[t][c] = model.addVariable().lower(1);
        }
      }
    }
    for (int t = 0; t <= teams; t++) {
      sumEquals(model, grid, hidden, t, -1, codes);
    }
    for (int c = 0; c <= codes; c++) {
      sumEquals(model, grid, hidden, -1, c, teams);
    }
    for (int t = 0; t <= teams; t++) {
      for (int c = 0; c <= codes; c++) {
        int value = grid[t][c].value();
        if (hidden[t][c] == null || value > minimum) {
          continue;
        }
        hidden[t][c].weight(1);
        Optimisation.Result max = model.maximise();
        Optimisation.Result min = model.minimise();
        hidden[t][c].weight(0);
        assertTrue(
            max.getState() == Optimisation.State.UNBOUNDED
                || max.getValue() - min.getValue() >= minimum - 1e-6,
            trial
                + ": a hidden "
                + value
                + " ranges from "
                + min.getValue()
                + " to "
                + max.getValue());
      }
    }
  }

  /** Row t (c = -1) or column c (t = -1): its cells add up to its last cell. */
  private static void sumEquals(
      ExpressionsBasedModel model,
      SmallCellSuppression.Cell[][] grid,
      Variable[][] hidden,
      int t,
      int c,
      int last) {
    Expression sum = model.addExpression();
    double known = 0;
    for (int i = 0; i <= last; i++) {
      int row = t < 0 ? i : t;
      int column = c < 0 ? i : c;
      int sign = i == last ? -1 : 1;
      if (hidden[row][column] != null) {
        sum.set(hidden[row][column], sign);
      } else {
        known -= sign * grid[row][column].value();
      }
    }
    sum.level(known);
  }

  @Test
  void nothingSmallNothingHidden() {
    SmallCellSuppression.Cell total = cell(50);
    SmallCellSuppression.Cell a = cell(20);
    SmallCellSuppression.Cell b = cell(30);
    SmallCellSuppression.apply(
        List.of(total, a, b),
        List.of(SmallCellSuppression.Relation.holding(List.of(a, b), total)),
        10);
    assertEquals(
        0, List.of(total, a, b).stream().filter(SmallCellSuppression.Cell::suppressed).count());
  }
}

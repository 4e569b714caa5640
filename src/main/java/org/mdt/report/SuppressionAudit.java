package org.mdt.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.report.SmallCellSuppression.Cell;
import org.mdt.report.SmallCellSuppression.Relation;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The suppression audit statistical offices run (DESIGN section 6.5): a reader who knows every shown count
 * and every relation between counts, and that a hidden count is at least 1 (zeros are shown), can bound
 * each hidden count by linear programming. For every primary suppressed cell this minimises and maximises
 * it over those constraints (integers relaxed to reals, the standard audit) and reports the cells whose
 * range is narrower than the minimum cell (or than a published report already allows: see
 * {@link #requiredWidths}). Hidden cells linked by no relation cannot bound each other, so
 * each connected block is solved on its own.
 */
public final class SuppressionAudit {
  /** Far above any count: stands in for "no upper bound" so that the solver never meets an unbounded LP. */
  private static final double CEILING = 1e9;
  private static final double TOLERANCE = 1e-6;

  /** A primary cell a reader can narrow to [low, high], where its range had to be {@code required} wide. */
  public record Finding(Cell cell, double low, double high, int required) {}

  private SuppressionAudit() {}

  public static List<Finding> audit(List<Relation> relations, int minimumCell) {
    List<Finding> findings = new ArrayList<>();
    for (List<Relation> block : blocks(relations)) {
      findings.addAll(auditBlock(block, minimumCell));
    }
    return findings;
  }

  /** The relations with a hidden cell, grouped so that no hidden cell is in two groups. */
  private static List<List<Relation>> blocks(List<Relation> relations) {
    Map<Cell, Cell> parent = new IdentityHashMap<>();
    for (Relation relation : relations) {
      Cell first = null;
      for (Cell cell : relation.cells()) {
        if (cell.suppressed) {
          parent.putIfAbsent(cell, cell);
          if (first == null) {
            first = cell;
          } else {
            parent.put(root(parent, cell), root(parent, first));
          }
        }
      }
    }
    Map<Cell, List<Relation>> byRoot = new LinkedHashMap<>();
    for (Relation relation : relations) {
      relation.cells().stream().filter(c -> c.suppressed).findFirst()
          .ifPresent(cell -> byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>()).add(relation));
    }
    return new ArrayList<>(byRoot.values());
  }

  private static Cell root(Map<Cell, Cell> parent, Cell cell) {
    Cell root = cell;
    while (parent.get(root) != root) {
      root = parent.get(root);
    }
    parent.put(cell, root);
    return root;
  }

  private static List<Finding> auditBlock(List<Relation> block, int minimumCell) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Cell, Variable> hidden = new LinkedHashMap<>();
    int index = 0;
    for (Relation relation : block) {
      for (Cell cell : relation.cells()) {
        if (cell.suppressed && !hidden.containsKey(cell)) {
          hidden.put(cell, model.addVariable("x" + hidden.size()).lower(1).upper(CEILING));
        }
      }
      // sum(hidden parts) - (hidden total) [sense] (shown total) - sum(shown parts)
      Expression expression = model.addExpression("r" + index++);
      double known = 0;
      for (Cell part : relation.parts()) {
        if (part.suppressed) {
          expression.add(hidden.get(part), 1);
        } else {
          known -= part.value;
        }
      }
      if (relation.total().suppressed) {
        expression.add(hidden.get(relation.total()), -1);
      } else {
        known += relation.total().value;
      }
      switch (relation.sense()) {
        case EQUAL -> expression.level(known);
        case AT_MOST -> expression.upper(known);
        case AT_LEAST -> expression.lower(known);
      }
    }
    // Every solution is a table the reader cannot rule out, the true one included: a cell already seen
    // to take values a minimum cell apart needs no LP of its own.
    List<Cell> cells = new ArrayList<>(hidden.keySet());
    double[] seenLow = new double[cells.size()];
    double[] seenHigh = new double[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      seenLow[i] = seenHigh[i] = cells.get(i).value;
    }
    Map<Cell, Integer> required = requiredWidths(block, minimumCell);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      if (!cell.primary(minimumCell) || wideEnough(seenLow[i], seenHigh[i], required.get(cell))) {
        continue;
      }
      Variable variable = hidden.get(cell);
      variable.weight(1);
      seen(model.maximise(), seenLow, seenHigh);
      if (!wideEnough(seenLow[i], seenHigh[i], required.get(cell))) {
        seen(model.minimise(), seenLow, seenHigh);
      }
      variable.weight(0);
      if (!wideEnough(seenLow[i], seenHigh[i], required.get(cell))) {
        findings.add(new Finding(cell, seenLow[i], seenHigh[i], required.get(cell)));
      }
    }
    return findings;
  }

  /**
   * The width each hidden cell's range must reach: the minimum cell, unless a figure another report
   * publishes unsuppressed already bounds it more tightly. A part of a sum that is at most T, whose other
   * parts include n non-zero ones (each at least 1 however hidden), cannot range wider than from 1 to
   * T - n; no suppression can do better, so asking more would refuse every export of a small team.
   */
  private static Map<Cell, Integer> requiredWidths(List<Relation> block, int minimumCell) {
    Map<Cell, Integer> required = new IdentityHashMap<>();
    for (Relation relation : block) {
      for (Cell cell : relation.cells()) {
        required.putIfAbsent(cell, minimumCell);
      }
      if (!relation.total().publishedElsewhere || relation.sense() == SmallCellSuppression.Sense.AT_LEAST) {
        continue;
      }
      long nonZero = relation.parts().stream().filter(c -> c.value > 0).count();
      for (Cell part : relation.parts()) {
        if (part.suppressed) {
          int widest = (int) (relation.total().value - (nonZero - 1) - 1);
          required.merge(part, widest, Math::min);
        }
      }
    }
    return required;
  }

  private static boolean wideEnough(double low, double high, int required) {
    return high - low >= required - TOLERANCE;
  }

  private static void seen(Optimisation.Result result, double[] seenLow, double[] seenHigh) {
    if (!result.getState().isFeasible()) {
      // The true table satisfies every relation, so this is the solver failing, not the table.
      throw new IllegalStateException("the suppression audit's LP ended " + result.getState());
    }
    for (int i = 0; i < seenLow.length; i++) {
      double value = result.doubleValue(i);
      seenLow[i] = Math.min(seenLow[i], value);
      seenHigh[i] = Math.max(seenHigh[i], value);
    }
  }
}

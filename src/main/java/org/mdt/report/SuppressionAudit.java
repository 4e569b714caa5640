package org.mdt.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
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
 * range is narrower than the minimum cell. Hidden cells linked by no relation cannot bound each other, so
 * each connected block is solved on its own.
 *
 * <p>One exception: a count the unsuppressed NCA or VOCA reports already pin down (a team whose half-year
 * had 3 children, 2 of them girls, all in February) cannot be protected by hiding anything, since zeros
 * are shown and those reports are public. Such a cell must range as wide as it would with every non-zero
 * count of the export hidden (found by the same LP), and no wider.
 */
public final class SuppressionAudit {
  /** Far above any count: stands in for "no upper bound" so that the solver never meets an unbounded LP. */
  private static final double CEILING = 1e9;
  private static final double TOLERANCE = 1e-6;

  /** A primary cell a reader can narrow to [low, high], where its range had to be {@code required} wide. */
  public record Finding(Cell cell, double low, double high, double required) {}

  private SuppressionAudit() {}

  public static List<Finding> audit(List<Relation> relations, int minimumCell) {
    return new SuppressionAudit.Run(relations).audit(minimumCell, null);
  }

  /**
   * Audits of one table as its suppression grows: a block none of whose hidden cells is new was audited
   * already, and the widest range a cell could have depends on the counts alone, so both are kept.
   */
  static final class Run {
    private final List<Relation> relations;
    private final Map<Cell, List<Relation>> relationsOf = new IdentityHashMap<>();
    private final Map<Cell, Lp> allHidden = new IdentityHashMap<>();

    Run(List<Relation> relations) {
      this.relations = relations;
      for (Relation relation : relations) {
        relation.cells().forEach(cell -> relationsOf.computeIfAbsent(cell, c -> new ArrayList<>()).add(relation));
      }
    }

    /** The findings in the blocks holding a cell of {@code changed} (in every block when it is null). */
    List<Finding> audit(int minimumCell, Set<Cell> changed) {
      List<Finding> findings = new ArrayList<>();
      for (List<Relation> block : blocks(relations)) {
        if (changed == null || block.stream().anyMatch(r -> r.cells().stream().anyMatch(changed::contains))) {
          findings.addAll(auditBlock(block, minimumCell));
        }
      }
      List<Finding> unprotected = new ArrayList<>();
      for (Finding finding : findings) {
        double required = Math.min(minimumCell, widestAchievable(finding.cell(), minimumCell));
        if (finding.high() - finding.low() < required - TOLERANCE) {
          unprotected.add(new Finding(finding.cell(), finding.low(), finding.high(), required));
        }
      }
      return unprotected;
    }

    /** The cell's range were every non-zero count of the export hidden: the most any suppression can give. */
    private double widestAchievable(Cell cell, int minimumCell) {
      Lp lp = allHidden.computeIfAbsent(cell, c -> {
        Lp built = new Lp(new ArrayList<>(reachedAllHidden(c)), ALL_HIDDEN);
        built.cells.forEach(member -> allHidden.put(member, built));
        return built;
      });
      int index = lp.cells.indexOf(cell);
      if (lp.seenWidth(index) < minimumCell - TOLERANCE) {
        lp.solve(index, true);
        lp.solve(index, false);
      }
      return lp.seenWidth(index);
    }

    private Set<Relation> reachedAllHidden(Cell cell) {
      Set<Relation> reached = new LinkedHashSet<>();
      Set<Cell> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      seen.add(cell);
      List<Cell> layer = List.of(cell);
      while (!layer.isEmpty()) {
        List<Cell> next = new ArrayList<>();
        for (Cell c : layer) {
          for (Relation relation : relationsOf.getOrDefault(c, List.of())) {
            if (reached.add(relation)) {
              relation.cells().stream().filter(ALL_HIDDEN.and(seen::add)).forEach(next::add);
            }
          }
        }
        layer = next;
      }
      return reached;
    }
  }

  private static final Predicate<Cell> ALL_HIDDEN = c -> c.value > 0 && !c.publishedElsewhere;

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
    Lp lp = new Lp(block, cell -> cell.suppressed);
    // Every solution is a table the reader cannot rule out, the true one included: a cell already seen
    // to take values a minimum cell apart needs no LP of its own.
    List<Integer> primaries = new ArrayList<>();
    for (int i = 0; i < lp.cells.size(); i++) {
      if (lp.cells.get(i).primary(minimumCell)) {
        primaries.add(i);
      }
    }
    if (primaries.size() > 2) { // two LPs that usually move every primary cell at once
      lp.solve(primaries, true);
      lp.solve(primaries, false);
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < lp.cells.size(); i++) {
      Cell cell = lp.cells.get(i);
      if (!cell.primary(minimumCell) || lp.seenWidth(i) >= minimumCell - TOLERANCE) {
        continue;
      }
      lp.solve(i, true);
      if (lp.seenWidth(i) < minimumCell - TOLERANCE) {
        lp.solve(i, false);
      }
      if (lp.seenWidth(i) < minimumCell - TOLERANCE) {
        findings.add(new Finding(cell, lp.seenLow[i], lp.seenHigh[i], minimumCell));
      }
    }
    return findings;
  }

  /** The reader's LP over some relations, where the cells {@code hidden} accepts are unknowns of at least 1. */
  private static final class Lp {
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final List<Cell> cells = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    final double[] seenLow;
    final double[] seenHigh;

    Lp(List<Relation> relations, Predicate<Cell> hidden) {
      Map<Cell, Variable> unknowns = new IdentityHashMap<>();
      for (Relation relation : relations) {
        for (Cell cell : relation.cells()) {
          if (hidden.test(cell) && !unknowns.containsKey(cell)) {
            Variable variable = model.addVariable().lower(1).upper(CEILING);
            unknowns.put(cell, variable);
            cells.add(cell);
            variables.add(variable);
          }
        }
        // sum(hidden parts) - (hidden total) [sense] (shown total) - sum(shown parts)
        Expression expression = model.addExpression();
        double known = 0;
        for (Cell part : relation.parts()) {
          if (hidden.test(part)) {
            expression.add(unknowns.get(part), 1);
          } else {
            known -= part.value;
          }
        }
        if (hidden.test(relation.total())) {
          expression.add(unknowns.get(relation.total()), -1);
        } else {
          known += relation.total().value;
        }
        switch (relation.sense()) {
          case EQUAL -> expression.level(known);
          case AT_MOST -> expression.upper(known);
          case AT_LEAST -> expression.lower(known);
        }
      }
      seenLow = new double[cells.size()];
      seenHigh = new double[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        seenLow[i] = seenHigh[i] = cells.get(i).value;
      }
    }

    double seenWidth(int i) {
      return seenHigh[i] - seenLow[i];
    }

    /** Maximises (or minimises) unknown i, and widens every unknown's seen range by the solution. */
    void solve(int i, boolean maximise) {
      solve(List.of(i), maximise);
    }

    /** The same for the sum of some unknowns. */
    void solve(List<Integer> sum, boolean maximise) {
      sum.forEach(i -> variables.get(i).weight(1));
      Optimisation.Result result = maximise ? model.maximise() : model.minimise();
      sum.forEach(i -> variables.get(i).weight(0));
      if (!result.getState().isFeasible()) {
        // The true table satisfies every relation, so this is the solver failing, not the table.
        throw new IllegalStateException("the suppression audit's LP ended " + result.getState());
      }
      for (int j = 0; j < cells.size(); j++) {
        double value = result.doubleValue(j);
        seenLow[j] = Math.min(seenLow[j], value);
        seenHigh[j] = Math.max(seenHigh[j], value);
      }
    }
  }
}

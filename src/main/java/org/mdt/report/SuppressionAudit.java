package org.mdt.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.mdt.report.SmallCellSuppression.Cell;
import org.mdt.report.SmallCellSuppression.Relation;
import org.mdt.report.SmallCellSuppression.Sense;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The suppression audit statistical offices run (docs/DESIGN.md section 6.5): a reader who knows
 * every shown count and every relation between counts, and that a hidden count is at least 1 (zeros
 * are shown), can bound each hidden count by linear programming. For every primary suppressed cell
 * this minimises and maximises it over those constraints (integers relaxed to reals, the standard
 * audit) and reports the cells whose range is narrower than the minimum cell. Hidden cells linked
 * by no relation cannot bound each other, so each connected block is solved on its own.
 *
 * <p>One exception: a count the unsuppressed NCA or VOCA reports already pin down (a team whose
 * half-year had 3 children, 2 of them girls, all in February) cannot be protected by hiding
 * anything, since zeros are shown and those reports are public. Such a cell must range as wide as
 * it would with every non-zero count of the export hidden (found by the same LP), and no wider.
 */
public final class SuppressionAudit {
  /**
   * Far above any count: stands in for "no upper bound" so that the solver never meets an unbounded
   * LP.
   */
  private static final double CEILING = 1e9;

  private static final double TOLERANCE = 1e-6;

  /**
   * How far a witness may miss a relation: the dense simplex leaves sums of about 20 counts off by
   * up to a few millionths, while a solution it wrongly calls optimal misses by whole counts.
   */
  private static final double WITNESS_TOLERANCE = 1e-3;

  private static final int PROPAGATION_PASSES = 100;
  private static final int NEARBY_STEPS = 2;

  /** Witness LPs go on while a round leaves fewer than this share of the cells they widen. */
  private static final double WIDEN_WORTHWHILE = 0.9;

  /** Targeted witness LPs go on while one reaches at least this many ends of nearby ranges. */
  private static final int REACH_WORTHWHILE = 3;

  /**
   * A primary cell a reader can narrow to [low, high], where its range had to be {@code required}
   * wide.
   */
  public record Finding(Cell cell, double low, double high, double required) {}

  /**
   * What a cell's range must reach to pass for sure ({@code enough}: the minimum cell, or a bound
   * on its widest range when less), and the range of the LP of its nearby relations, which holds
   * its range.
   */
  private record Bounds(double enough, double[] nearby) {
    double nearbyWidth() {
      return nearby[1] - nearby[0];
    }
  }

  private SuppressionAudit() {}

  public static List<Finding> audit(List<Relation> relations, int minimumCell) {
    return new Run(relations).audit(minimumCell, null);
  }

  /**
   * Audits of one table as its suppression grows. Every LP solution is a table the reader cannot
   * rule out, and hiding one more cell only loosens the reader's LP (the old solution, with the
   * newly hidden cell at its true count, still satisfies every relation), so the range a cell was
   * once seen to span stays a valid witness in every later audit: only cells never yet seen
   * spanning the minimum cell need LPs again. The widest range a cell could have depends on the
   * counts alone, so it is kept too.
   */
  static final class Run {
    private final List<Relation> relations;
    private final Map<Cell, List<Relation>> relationsOf = new IdentityHashMap<>();
    private final Map<Cell, double[]> seen =
        new IdentityHashMap<>(); // cell -> {low, high} over all solutions
    private final Map<Cell, Lp> allHidden = new IdentityHashMap<>();
    private final Set<Cell> widestKnown = Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<Cell, double[]> outer;
    private final Map<Cell, Double> nearby = new IdentityHashMap<>();

    /**
     * Findings by block (its relations, then its hidden cells): the same LP gives the same answer.
     */
    private final Map<List<Object>, List<Finding>> audited = new HashMap<>();

    Run(List<Relation> relations) {
      this.relations = relations;
      for (Relation relation : relations) {
        relation
            .cells()
            .forEach(
                cell -> relationsOf.computeIfAbsent(cell, c -> new ArrayList<>()).add(relation));
      }
    }

    /**
     * The findings in the blocks holding a cell of {@code changed} (in every block when it is
     * null).
     */
    List<Finding> audit(int minimumCell, Set<Cell> changed) {
      List<Finding> findings = new ArrayList<>();
      for (List<Relation> block : blocks(relations)) {
        if (changed == null
            || block.stream().anyMatch(r -> r.cells().stream().anyMatch(changed::contains))) {
          List<Object> key = new ArrayList<>(block);
          block.stream()
              .flatMap(r -> r.cells().stream())
              .filter(c -> c.suppressed)
              .forEach(key::add);
          findings.addAll(audited.computeIfAbsent(key, k -> auditBlock(block, minimumCell)));
        }
      }
      return findings;
    }

    /**
     * The primary cells of one block that its LP pins to a range narrower than they need: the
     * minimum cell, or what full suppression would leave them when that is less. A cell's range
     * lies within its range in the LP of its nearby relations and spans at least what the witnesses
     * show; its widest range lies within the propagated and nearby bounds and spans at least its
     * range here and what witnesses of the all-hidden LP show. Those bounds, with witnesses sought
     * for many cells at once, settle most cells; a cell still open gets its own LPs, and the widest
     * LPs only when it is open after them.
     */
    private List<Finding> auditBlock(List<Relation> block, int minimumCell) {
      boolean allSeenWide =
          block.stream()
              .flatMap(r -> r.cells().stream())
              .filter(c -> c.primary(minimumCell))
              .allMatch(
                  c ->
                      seen.containsKey(c)
                          && seen.get(c)[1] - seen.get(c)[0] >= minimumCell - TOLERANCE);
      if (allSeenWide) {
        return List.of();
      }
      Set<Cell> seenBefore =
          block.stream()
              .flatMap(r -> r.cells().stream())
              .filter(seen::containsKey)
              .collect(
                  Collectors.toCollection(
                      () -> Collections.newSetFromMap(new IdentityHashMap<>())));
      Lp lp = new Lp(block, SUPPRESSED, seen);
      List<Integer> primaries = lp.primaries(minimumCell);
      // Broad witnesses pay on a block's first audit; later, what is left narrow is mostly truly
      // narrow, and the targeted witness LPs below serve the few cells that hiding widened.
      lp.widen(
          primaries.stream().filter(i -> !seenBefore.contains(lp.cells.get(i))).toList(),
          minimumCell);
      Map<Integer, Bounds> open = new LinkedHashMap<>();
      for (int i : lp.narrow(primaries, minimumCell)) {
        Cell cell = lp.cells.get(i);
        double enough = Math.min(minimumCell, Math.min(outerWidth(cell), nearbyWidth(cell)));
        if (lp.seenWidth(i) < enough - TOLERANCE) {
          open.put(i, new Bounds(enough, nearbyRange(cell, SUPPRESSED)));
        }
      }
      lp.reach(open);
      widenAllHidden(lp, open, minimumCell);
      List<Finding> findings = new ArrayList<>();
      open.forEach(
          (i, bounds) -> {
            Finding finding = judge(lp, i, bounds, minimumCell);
            if (finding != null) {
              findings.add(finding);
            }
          });
      return findings;
    }

    /**
     * Witnesses of the all-hidden LPs for the open cells that could still be findings by their
     * bounds (nearby range under the minimum cell), a few LPs for all of a component's cells.
     */
    private void widenAllHidden(Lp lp, Map<Integer, Bounds> open, int minimumCell) {
      Map<Lp, List<Integer>> asked = new LinkedHashMap<>();
      open.forEach(
          (i, bounds) -> {
            if (lp.seenWidth(i) < bounds.enough() - TOLERANCE
                && bounds.nearbyWidth() < minimumCell - TOLERANCE) {
              Lp allHiddenLp = allHiddenLp(lp.cells.get(i));
              asked
                  .computeIfAbsent(allHiddenLp, k -> new ArrayList<>())
                  .add(allHiddenLp.indexOf(lp.cells.get(i)));
            }
          });
      asked.forEach((allHiddenLp, indices) -> allHiddenLp.widen(indices, minimumCell));
    }

    /**
     * Unknown i's finding, if it is one: settled by its bounds where they suffice, else by its own
     * LPs (an end the witnesses reach of its nearby range is exact) and then the widest LPs.
     */
    private Finding judge(Lp lp, int i, Bounds bounds, int minimumCell) {
      Cell cell = lp.cells.get(i);
      if (lp.seenWidth(i) >= bounds.enough() - TOLERANCE) {
        return null;
      }
      double needed = Math.min(minimumCell, Math.max(lp.seenWidth(i), widestSeen(cell)));
      if (bounds.nearbyWidth() < needed - TOLERANCE) {
        return new Finding(
            cell, bounds.nearby()[0], bounds.nearby()[1], required(cell, minimumCell));
      }
      if (lp.seenHigh(i) < bounds.nearby()[1] - TOLERANCE) {
        lp.solve(i, true);
      }
      if (lp.seenWidth(i) < bounds.enough() - TOLERANCE
          && lp.seenLow(i) > bounds.nearby()[0] + TOLERANCE) {
        lp.solve(i, false);
      }
      if (lp.seenWidth(i) >= bounds.enough() - TOLERANCE) {
        return null;
      }
      double required = required(cell, minimumCell);
      return lp.seenWidth(i) < required - TOLERANCE
          ? new Finding(cell, lp.seenLow(i), lp.seenHigh(i), required)
          : null;
    }

    /** The width a cell needs: the minimum cell, or its widest range when that is less. */
    private double required(Cell cell, int minimumCell) {
      return widestSeen(cell) >= minimumCell - TOLERANCE
          ? minimumCell
          : Math.min(minimumCell, widestAchievable(cell, minimumCell));
    }

    /**
     * An upper bound on the range of a cell with every non-zero count of the export hidden, with no
     * LP: the bounds each relation gives each of its cells from the others' bounds, repeated until
     * they settle. The LP's range lies within them, so a cell seen ranging at least this wide is
     * ranging as wide as it can.
     */
    private double outerWidth(Cell cell) {
      if (outer == null) {
        outer = propagatedBounds(relations);
      }
      double[] bounds = outer.get(cell);
      return bounds == null ? 0 : bounds[1] - bounds[0];
    }

    /**
     * The cell's range were every non-zero count of the export hidden: the most any suppression can
     * give.
     */
    private double widestAchievable(Cell cell, int minimumCell) {
      Lp lp = allHiddenLp(cell);
      int index = lp.indexOf(cell);
      if (!widestKnown.contains(cell) && lp.seenWidth(index) < minimumCell - TOLERANCE) {
        lp.solve(index, true);
        lp.solve(index, false);
        widestKnown.add(cell); // its exact range: no later audit needs these LPs again
      }
      return lp.seenWidth(index);
    }

    /** What the witnesses of the all-hidden LP show of the cell's widest range. */
    private double widestSeen(Cell cell) {
      Lp lp = allHiddenLp(cell);
      return lp.seenWidth(lp.indexOf(cell));
    }

    private Lp allHiddenLp(Cell cell) {
      return allHidden.computeIfAbsent(
          cell,
          c -> {
            Lp built =
                new Lp(new ArrayList<>(reachedAllHidden(c)), ALL_HIDDEN, new IdentityHashMap<>());
            built.cells.forEach(member -> allHidden.put(member, built));
            return built;
          });
    }

    /**
     * An upper bound on the same range from the LP of the relations near the cell alone (fewer
     * relations can only widen it): far smaller than the whole component's, and usually as tight
     * where it matters.
     */
    private double nearbyWidth(Cell cell) {
      return nearby.computeIfAbsent(
          cell,
          c -> {
            double[] range = nearbyRange(c, ALL_HIDDEN);
            return range[1] - range[0];
          });
    }

    /**
     * The cell's {low, high} in the LP of the relations near it alone, the cells {@code hidden}
     * accepts unknown: a range the cell's range in any LP holding those relations lies within. Its
     * solutions are not the whole LP's, so they witness nothing.
     */
    private double[] nearbyRange(Cell cell, Predicate<Cell> hidden) {
      Lp lp =
          new Lp(
              new ArrayList<>(reached(cell, hidden, NEARBY_STEPS)),
              hidden,
              new IdentityHashMap<>());
      int index = lp.indexOf(cell);
      lp.solve(index, true);
      lp.solve(index, false);
      return new double[] {lp.seenLow(index), lp.seenHigh(index)};
    }

    private Set<Relation> reachedAllHidden(Cell cell) {
      return reached(cell, ALL_HIDDEN, Integer.MAX_VALUE);
    }

    /**
     * The relations reached from the cell through at most {@code steps} relations sharing cells
     * {@code hidden} accepts.
     */
    private Set<Relation> reached(Cell cell, Predicate<Cell> hidden, int steps) {
      Set<Relation> reached = new LinkedHashSet<>();
      Set<Cell> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      seen.add(cell);
      List<Cell> layer = List.of(cell);
      for (int step = 0; step < steps && !layer.isEmpty(); step++) {
        List<Cell> next = new ArrayList<>();
        for (Cell c : layer) {
          for (Relation relation : relationsOf.getOrDefault(c, List.of())) {
            if (reached.add(relation)) {
              relation.cells().stream().filter(hidden.and(seen::add)).forEach(next::add);
            }
          }
        }
        layer = next;
      }
      return reached;
    }
  }

  private static final Predicate<Cell> ALL_HIDDEN = c -> c.value > 0 && !c.publishedElsewhere;
  private static final Predicate<Cell> SUPPRESSED = c -> c.suppressed;

  /**
   * Bounds {low, high} on every cell ALL_HIDDEN accepts over the reader's LP with those cells
   * hidden (every other cell is its count): each relation, as sum(coefficient * cell) <= 0 and/or
   * >= 0, bounds each cell by the others' bounds; passes repeat while some bound moves. Counts are
   * integers, so the sums are exact.
   */
  private static Map<Cell, double[]> propagatedBounds(List<Relation> relations) {
    Map<Cell, double[]> bounds = new IdentityHashMap<>();
    for (Relation relation : relations) {
      for (Cell cell : relation.cells()) {
        bounds.computeIfAbsent(
            cell,
            c -> ALL_HIDDEN.test(c) ? new double[] {1, CEILING} : new double[] {c.value, c.value});
      }
    }
    boolean moved = true;
    for (int pass = 0; moved && pass < PROPAGATION_PASSES; pass++) {
      moved = false;
      for (Relation relation : relations) {
        if (relation.sense() != Sense.AT_LEAST) {
          moved |= tighten(relation, 1, bounds); // parts - total <= 0
        }
        if (relation.sense() != Sense.AT_MOST) {
          moved |= tighten(relation, -1, bounds); // total - parts <= 0
        }
      }
    }
    return bounds;
  }

  /**
   * Bounds each cell of sign * (sum(parts) - total) <= 0 by the least the other terms can add up
   * to.
   */
  private static boolean tighten(Relation relation, int sign, Map<Cell, double[]> bounds) {
    List<Cell> cells = relation.cells();
    int last = cells.size() - 1; // the total
    double least = 0;
    for (int j = 0; j <= last; j++) {
      least += leastTerm(coefficient(j, last, sign), bounds.get(cells.get(j)));
    }
    boolean moved = false;
    for (int k = 0; k <= last; k++) {
      double[] range = bounds.get(cells.get(k));
      int coefficient = coefficient(k, last, sign);
      double othersLeast = least - leastTerm(coefficient, range);
      if (coefficient > 0 && -othersLeast < range[1] - TOLERANCE) {
        range[1] = -othersLeast;
        moved = true;
      } else if (coefficient < 0 && othersLeast > range[0] + TOLERANCE) {
        range[0] = othersLeast;
        moved = true;
      }
    }
    return moved;
  }

  private static int coefficient(int index, int last, int sign) {
    return index == last ? -sign : sign;
  }

  private static double leastTerm(int coefficient, double[] range) {
    return coefficient > 0 ? range[0] : -range[1];
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
      relation.cells().stream()
          .filter(c -> c.suppressed)
          .findFirst()
          .ifPresent(
              cell ->
                  byRoot.computeIfAbsent(root(parent, cell), r -> new ArrayList<>()).add(relation));
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

  /**
   * The reader's LP over some relations, where the cells {@code hidden} accepts are unknowns of at
   * least 1; {@code seen} holds each unknown's {low, high} over the solutions found so far (this
   * LP's, and any other LP's whose solutions this one admits).
   */
  private static final class Lp {
    final ExpressionsBasedModel model = new ExpressionsBasedModel();
    final List<Cell> cells = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    final List<double[]> seen = new ArrayList<>();

    /** Each unknown's index: an LP of a whole component is asked for one cell after another. */
    private final Map<Cell, Integer> indexes = new IdentityHashMap<>();

    private final List<Relation> relations;

    Lp(List<Relation> relations, Predicate<Cell> hidden, Map<Cell, double[]> seenSoFar) {
      this.relations = relations;
      Map<Cell, Variable> unknowns = new IdentityHashMap<>();
      for (Relation relation : relations) {
        for (Cell cell : relation.cells()) {
          if (hidden.test(cell) && !unknowns.containsKey(cell)) {
            Variable variable = model.addVariable().lower(1).upper(CEILING);
            unknowns.put(cell, variable);
            indexes.put(cell, cells.size());
            cells.add(cell);
            variables.add(variable);
            seen.add(seenSoFar.computeIfAbsent(cell, c -> new double[] {c.value, c.value}));
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
    }

    int indexOf(Cell cell) {
      return indexes.get(cell);
    }

    /** The unknowns that are counts from 1 to the minimum cell. */
    List<Integer> primaries(int minimumCell) {
      List<Integer> primaries = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        int value = cells.get(i).value;
        if (value >= 1 && value <= minimumCell) {
          primaries.add(i);
        }
      }
      return primaries;
    }

    double seenLow(int i) {
      return seen.get(i)[0];
    }

    double seenHigh(int i) {
      return seen.get(i)[1];
    }

    double seenWidth(int i) {
      return seenHigh(i) - seenLow(i);
    }

    /**
     * Witness LPs: pushes half of the unknowns among {@code indices} not yet seen ranging {@code
     * width} up and the other half down, then the reverse, again with the halves drawn afresh while
     * that leaves fewer of them, so that most need no LPs of their own. A plain sum would not do:
     * cells whose sum is a shown total keep that sum at every solution, so maximising it moves none
     * of them.
     */
    void widen(List<Integer> indices, double width) {
      Random halves = new Random(indices.size()); // the same table draws the same halves
      List<Integer> narrow = narrow(indices, width);
      while (narrow.size() > 1) {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        narrow.forEach(i -> weights.put(i, halves.nextBoolean() ? 1.0 : -1.0));
        solve(weights, true);
        solve(weights, false);
        List<Integer> left = narrow(narrow, width);
        if (left.size() > narrow.size() * WIDEN_WORTHWHILE) {
          return; // the rest are most likely truly narrow: each gets its own LPs anyway
        }
        narrow = left;
      }
    }

    /**
     * Witness LPs for open unknowns: pushes each toward an end of its nearby range that no witness
     * reaches yet (an end reached is exact), all in one LP, again while that reaches a few more
     * ends, so that most cells need no LPs of their own.
     */
    void reach(Map<Integer, Bounds> open) {
      int unreached = unreachedEnds(open);
      while (unreached > 0) {
        Map<Integer, Double> weights = new LinkedHashMap<>();
        open.forEach(
            (i, bounds) -> {
              if (seenWidth(i) < bounds.enough() - TOLERANCE) {
                if (seenHigh(i) < bounds.nearby()[1] - TOLERANCE) {
                  weights.put(i, 1.0);
                } else if (seenLow(i) > bounds.nearby()[0] + TOLERANCE) {
                  weights.put(i, -1.0);
                }
              }
            });
        solve(weights, true);
        int left = unreachedEnds(open);
        if (unreached - left < REACH_WORTHWHILE) {
          return; // each end left costs an LP of its own, about what this one cost
        }
        unreached = left;
      }
    }

    /**
     * The ends of their nearby ranges that open unknowns not yet seen wide enough fall short of.
     */
    private int unreachedEnds(Map<Integer, Bounds> open) {
      int ends = 0;
      for (Map.Entry<Integer, Bounds> entry : open.entrySet()) {
        int i = entry.getKey();
        Bounds bounds = entry.getValue();
        if (seenWidth(i) < bounds.enough() - TOLERANCE) {
          ends += seenHigh(i) < bounds.nearby()[1] - TOLERANCE ? 1 : 0;
          ends += seenLow(i) > bounds.nearby()[0] + TOLERANCE ? 1 : 0;
        }
      }
      return ends;
    }

    List<Integer> narrow(List<Integer> indices, double width) {
      return indices.stream().filter(i -> seenWidth(i) < width - TOLERANCE).toList();
    }

    /**
     * Maximises (or minimises) unknown i, and widens every unknown's seen range by the solution.
     */
    void solve(int i, boolean maximise) {
      solve(Map.of(i, 1.0), maximise);
    }

    /**
     * The same for a weighted sum of some unknowns (index to weight). A solution that breaks a
     * relation is no witness (the dense simplex sometimes calls one optimal): the LP is solved
     * again by the revised simplex, and if that fails too the seen ranges stay as they were (a cell
     * may then be reported that is not pinned, never the reverse).
     */
    void solve(Map<Integer, Double> weights, boolean maximise) {
      weights.forEach((i, weight) -> variables.get(i).weight(weight));
      Optimisation.Result result = optimum(maximise);
      if (!isTable(result)) {
        model.options.sparse = true;
        result = optimum(maximise);
        model.options.sparse = null;
      }
      weights.keySet().forEach(i -> variables.get(i).weight(0));
      if (!isTable(result)) {
        return;
      }
      for (int j = 0; j < cells.size(); j++) {
        double value = result.doubleValue(j);
        double[] range = seen.get(j);
        range[0] = Math.min(range[0], value);
        range[1] = Math.max(range[1], value);
      }
    }

    private Optimisation.Result optimum(boolean maximise) {
      Optimisation.Result result = maximise ? model.maximise() : model.minimise();
      if (!result.getState().isFeasible()) {
        // The true table satisfies every relation, so this is the solver failing, not the table.
        throw new IllegalStateException("the suppression audit's LP ended " + result.getState());
      }
      return result;
    }

    /**
     * Whether a solution, with every shown count at its value, keeps each unknown at least 1 and
     * every relation: only then is it a witness.
     */
    private boolean isTable(Optimisation.Result result) {
      for (int j = 0; j < cells.size(); j++) {
        if (result.doubleValue(j) < 1 - WITNESS_TOLERANCE) {
          return false;
        }
      }
      for (Relation relation : relations) {
        double excess = -valueIn(relation.total(), result); // sum(parts) - total
        for (Cell part : relation.parts()) {
          excess += valueIn(part, result);
        }
        boolean holds =
            switch (relation.sense()) {
              case EQUAL -> Math.abs(excess) <= WITNESS_TOLERANCE;
              case AT_MOST -> excess <= WITNESS_TOLERANCE;
              case AT_LEAST -> excess >= -WITNESS_TOLERANCE;
            };
        if (!holds) {
          return false;
        }
      }
      return true;
    }

    private double valueIn(Cell cell, Optimisation.Result result) {
      Integer index = indexes.get(cell);
      return index == null ? cell.value : result.doubleValue(index);
    }
  }
}

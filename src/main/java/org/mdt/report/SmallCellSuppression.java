package org.mdt.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression for published counts (docs/DESIGN.md section 6.5). Primary: every count
 * from 1 to the minimum cell size is suppressed. Complementary: other cells are hidden until {@link
 * SuppressionAudit} finds that, given every shown count and every relation between counts, each
 * primary cell could still take any value over a range at least the minimum cell wide. Zeros are
 * shown, so a reader knows a hidden cell is at least 1; a sum of two hidden cells of 2 gives both
 * away, which is why a second hidden cell alone is not enough. Every choice follows the order of
 * the cells and relations, so the same data hides the same cells.
 */
public final class SmallCellSuppression {
  /**
   * A count: shown in the export, or only elsewhere (a figure another report publishes
   * unsuppressed).
   */
  public static final class Cell {
    final int value;
    final boolean publishedElsewhere;
    boolean suppressed;

    public Cell(int value) {
      this(value, false);
    }

    private Cell(int value, boolean publishedElsewhere) {
      this.value = value;
      this.publishedElsewhere = publishedElsewhere;
    }

    /**
     * A figure another report publishes in full (an NCA half-year or VOCA quarter count): never
     * hidden.
     */
    public static Cell publishedElsewhere(int value) {
      return new Cell(value, true);
    }

    public int value() {
      return value;
    }

    public boolean suppressed() {
      return suppressed;
    }

    /** A count from 1 to the minimum cell, hidden for itself rather than to protect another. */
    boolean primary(int minimumCell) {
      return suppressed && value >= 1 && value <= minimumCell;
    }
  }

  /** How the sum of a relation's parts stands to its total. */
  public enum Sense {
    EQUAL,
    AT_MOST,
    AT_LEAST
  }

  /** Counts whose sum is equal to, at most, or at least another count. */
  public record Relation(List<Cell> parts, Cell total, Sense sense) {
    /**
     * The strongest of =, <= and >= that the true counts satisfy. A reader may know any relation
     * the data obeys (a breakdown adds up to its total, a service cannot exceed the children), so
     * the audit assumes every one that holds; one that held only by chance would only make it
     * stricter.
     */
    public static Relation holding(List<Cell> parts, Cell total) {
      int sum = parts.stream().mapToInt(Cell::value).sum();
      return new Relation(
          List.copyOf(parts),
          total,
          sum == total.value ? Sense.EQUAL : sum < total.value ? Sense.AT_MOST : Sense.AT_LEAST);
    }

    List<Cell> cells() {
      List<Cell> cells = new ArrayList<>(parts);
      cells.add(total);
      return cells;
    }
  }

  private SmallCellSuppression() {}

  /**
   * Suppresses cells until the audit passes, and returns what it still finds: empty unless no cell
   * was left to hide, and then the table must not be published.
   */
  public static List<SuppressionAudit.Finding> apply(
      List<Cell> cells, List<Relation> relations, int minimumCell) {
    for (Cell cell : cells) {
      cell.suppressed = !cell.publishedElsewhere && cell.value >= 1 && cell.value <= minimumCell;
    }
    Map<Cell, List<Relation>> relationsOf = new IdentityHashMap<>();
    for (Relation relation : relations) {
      relation
          .cells()
          .forEach(cell -> relationsOf.computeIfAbsent(cell, c -> new ArrayList<>()).add(relation));
    }
    hideSecondCells(relations);
    SuppressionAudit.Run audit = new SuppressionAudit.Run(relations);
    Set<Cell> changed = null; // the first audit reads every block, later ones the blocks that grew
    while (changed == null || !changed.isEmpty()) {
      List<SuppressionAudit.Finding> findings = audit.audit(minimumCell, changed);
      changed = Collections.newSetFromMap(new IdentityHashMap<>());
      for (SuppressionAudit.Finding finding : findings) {
        Cell complement = hideComplement(finding.cell(), relationsOf, minimumCell);
        if (complement != null) {
          changed.add(complement);
        }
      }
    }
    return audit.audit(
        minimumCell, null); // the proof: every block of the table as it will be published
  }

  /**
   * The cheap first step: an equation left with exactly one hidden cell gives it back by
   * subtraction, so a second cell of it is hidden (its smallest other non-zero part, else its
   * total). The audit then decides whether that is enough; starting here saves most of its rounds.
   */
  private static void hideSecondCells(List<Relation> relations) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Relation relation : relations) {
        if (relation.sense() != Sense.EQUAL
            || relation.cells().stream().filter(c -> c.suppressed).count() != 1) {
          continue;
        }
        Cell complement =
            relation.parts().stream()
                .filter(SmallCellSuppression::hideable)
                .min(Comparator.comparingInt(c -> c.value))
                .orElse(hideable(relation.total()) ? relation.total() : null);
        if (complement != null) {
          complement.suppressed = true;
          changed = true;
        }
      }
    }
  }

  /**
   * Hides one more cell near a primary cell the audit pins down: in the relation of that cell whose
   * other hidden cells add up to least (the one most likely to pin it), the smallest shown count of
   * at least the minimum cell (it lets the primary cell move by that much), else the largest shown
   * count. When its own relations have nothing left to hide, the relations of the hidden cells they
   * hold are next, and so on.
   */
  private static Cell hideComplement(
      Cell pinned, Map<Cell, List<Relation>> relationsOf, int minimumCell) {
    Set<Cell> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    reached.add(pinned);
    List<Cell> layer = List.of(pinned);
    while (!layer.isEmpty()) {
      Relation tightest = null;
      long tightestRoom = Long.MAX_VALUE;
      List<Cell> next = new ArrayList<>();
      for (Cell cell : layer) {
        for (Relation relation : relationsOf.getOrDefault(cell, List.of())) {
          List<Cell> cells = relation.cells();
          cells.stream().filter(c -> c.suppressed && reached.add(c)).forEach(next::add);
          if (cells.stream().noneMatch(SmallCellSuppression::hideable)) {
            continue;
          }
          long room =
              cells.stream().filter(c -> c != pinned && c.suppressed).mapToLong(c -> c.value).sum();
          if (room < tightestRoom) {
            tightest = relation;
            tightestRoom = room;
          }
        }
      }
      if (tightest != null) {
        List<Cell> candidates =
            tightest.cells().stream().filter(SmallCellSuppression::hideable).toList();
        Cell complement =
            candidates.stream()
                .filter(c -> c.value >= minimumCell)
                .min(Comparator.comparingInt(c -> c.value))
                .orElseGet(
                    () ->
                        candidates.stream()
                            .max(Comparator.comparingInt(c -> c.value))
                            .orElseThrow());
        complement.suppressed = true;
        return complement;
      }
      layer = next;
    }
    return null;
  }

  /**
   * Shown, and not a zero: a hidden zero would break the reader's (and the audit's) "hidden means
   * >= 1".
   */
  private static boolean hideable(Cell cell) {
    return !cell.suppressed && !cell.publishedElsewhere && cell.value > 0;
  }
}

package org.mdt.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Levenshtein distance, giving up early: callers only care whether two strings are within a few
 * edits.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The number of single-character edits from a to b, or {@code limit + 1} once it must exceed
   * limit.
   */
  public static int between(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowBest = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        rowBest = Math.min(rowBest, current[j]);
      }
      if (rowBest > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit + 1);
  }

  /**
   * The candidates within a few edits of what was typed (ignoring case), nearest first: what "did
   * you mean" offers. The allowance grows with the length typed, so a short name is not matched by
   * anything.
   */
  public static List<String> nearest(String typed, Collection<String> candidates) {
    String key = typed.trim().toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, key.length() / 4);
    record Match(String candidate, int distance) {}
    return candidates.stream()
        .map(c -> new Match(c, between(key, c.trim().toLowerCase(Locale.ROOT), allowed)))
        .filter(m -> m.distance() <= allowed)
        .sorted(Comparator.comparingInt(Match::distance).thenComparing(Match::candidate))
        .limit(3)
        .map(Match::candidate)
        .toList();
  }
}

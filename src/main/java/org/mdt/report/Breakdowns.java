package org.mdt.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.codes.CodeList;

/**
 * Counts by code under named breakdowns, every code present from the start so zeros are reported
 * too. A count is a mutable cell rather than a boxed Integer: a report over a million rows counts
 * several million times.
 */
final class Breakdowns {
  private final Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();

  Breakdowns with(String breakdown, List<String> codes) {
    Map<String, int[]> zeros = new LinkedHashMap<>();
    codes.forEach(code -> zeros.put(code, new int[1]));
    counts.put(breakdown, zeros);
    return this;
  }

  void count(String breakdown, String code) {
    counts.get(breakdown).computeIfAbsent(code, unlisted -> new int[1])[0]++;
  }

  /** Breakdown → code → count, in the order the breakdowns and codes were given. */
  Map<String, Map<String, Integer>> asMap() {
    Map<String, Map<String, Integer>> map = new LinkedHashMap<>();
    counts.forEach(
        (breakdown, byCode) -> {
          Map<String, Integer> values = new LinkedHashMap<>();
          byCode.forEach((code, count) -> values.put(code, count[0]));
          map.put(breakdown, values);
        });
    return map;
  }

  /** A stored code, with not recorded (NULL) counted under the list's fallback (unknown). */
  static String coded(CodeList codes, String code) {
    return code == null ? codes.fallback() : code;
  }
}

package org.mdt.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.codes.CodeList;

/**
 * Counts by code under named breakdowns, every code present from the start so zeros are reported
 * too.
 */
final class Breakdowns {
  private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();

  Breakdowns with(String breakdown, List<String> codes) {
    Map<String, Integer> zeros = new LinkedHashMap<>();
    codes.forEach(code -> zeros.put(code, 0));
    counts.put(breakdown, zeros);
    return this;
  }

  void count(String breakdown, String code) {
    counts.get(breakdown).merge(code, 1, Integer::sum);
  }

  Map<String, Map<String, Integer>> asMap() {
    return counts;
  }

  /** A stored code, with not recorded (NULL) counted under the list's fallback (unknown). */
  static String coded(CodeList codes, String code) {
    return code == null ? codes.fallback() : code;
  }
}

package org.mdt.roster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of DESIGN section 3. Every non-blank row after the header is read, and ends in exactly one
 * of inserted, updated, unchanged, duplicate or rejected; warnings count cells stored with a warning, and
 * formulasWithoutValue the workbook cells among them left blank because no tool had computed their formula.
 */
public record ImportSummary(int read, int inserted, int updated, int unchanged, int duplicates, int rejected,
    int warnings, int formulasWithoutValue) {

  /** The summary as its JSON keys, in order. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("read", read);
    map.put("inserted", inserted);
    map.put("updated", updated);
    map.put("unchanged", unchanged);
    map.put("duplicates", duplicates);
    map.put("rejected", rejected);
    map.put("warnings", warnings);
    map.put("formulasWithoutValue", formulasWithoutValue);
    return map;
  }
}

package org.mdt.roster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of docs/DESIGN.md section 3. Every non-blank row after the header is read, and ends in
 * exactly one of inserted, updated, unchanged, duplicate or rejected; warnings count cells stored
 * with a warning, and formulasWithoutValue the workbook cells among them left blank because no tool
 * had computed their formula. Beside the rows: casesUpdated counts the cases stored before this
 * import whose case-level values it changed, possibleDobCorrections the inserted rows whose child
 * has the name but not the DOB of a stored child of the case, and reverts the rows that set a field
 * back to a value a later import had replaced.
 */
public record ImportSummary(
    int read,
    int inserted,
    int updated,
    int unchanged,
    int duplicates,
    int rejected,
    int warnings,
    int formulasWithoutValue,
    int casesUpdated,
    int possibleDobCorrections,
    int reverts) {

  /**
   * The summary as its JSON keys, in order; keys added later come last, so CSV columns keep their
   * places.
   */
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
    map.put("casesUpdated", casesUpdated);
    map.put("possibleDobCorrections", possibleDobCorrections);
    map.put("reverts", reverts);
    return map;
  }
}

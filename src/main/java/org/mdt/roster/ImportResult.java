package org.mdt.roster;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param ignoredHeaders headers that name no canonical column (their cells are not imported)
 * @param repeatedHeaders headers naming a column an earlier header already named (ignored)
 * @param changedFields for each case-level column the import changed on cases stored before it, on
 *     how many cases (canonical names, in column order)
 * @param sameAs the import whose recorded outcome this one gave without reading a row (the same
 *     file again, nothing written since: docs/DESIGN.md section 3.11); null when it read them
 * @param compacted whether the import grew the file so much that it left it compacted
 */
public record ImportResult(
    ImportSummary summary,
    List<String> ignoredHeaders,
    List<String> repeatedHeaders,
    Map<String, Integer> changedFields,
    Long sameAs,
    boolean compacted) {

  ImportResult compacted(boolean compacted) {
    return new ImportResult(
        summary, ignoredHeaders, repeatedHeaders, changedFields, sameAs, compacted);
  }
}

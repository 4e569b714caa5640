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
 */
public record ImportResult(
    ImportSummary summary,
    List<String> ignoredHeaders,
    List<String> repeatedHeaders,
    Map<String, Integer> changedFields) {}

package org.mdt.roster;

import java.util.List;

/**
 * What an import did.
 *
 * @param ignoredHeaders headers that name no canonical column (their cells are not imported)
 * @param repeatedHeaders headers naming a column an earlier header already named (ignored)
 */
public record ImportResult(ImportSummary summary, List<String> ignoredHeaders, List<String> repeatedHeaders) {}

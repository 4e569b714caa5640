package org.mdt.cases;

import java.util.List;
import java.util.Map;

/**
 * A case as {@code case show} gives it to a working coordinator: its case-level columns and each
 * child's row, by canonical column name, with full names and dates of birth.
 */
public record CaseDetail(
    String caseNumber,
    String team,
    Map<String, Object> caseValues,
    List<Map<String, Object>> children) {}

package org.mdt.cases;

import java.time.LocalDate;

/** A case as {@code case list} shows it: no child's name, only how many children are on it. */
public record CaseSummary(
    String caseNumber,
    String team,
    LocalDate referralDate,
    int children,
    String status,
    boolean restricted) {}

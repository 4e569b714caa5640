package org.mdt.cases;

/** A case named on the command line, resolved to its row and team. */
public record CaseRef(long id, String caseNumber, long teamId, String team, boolean restricted) {}

package org.mdt.cases;

/** When a case is open, in one place so {@code case list} and the review agendas agree. */
public final class CaseRules {
  private CaseRules() {}

  /**
   * A case is open unless the roster closed it: its status is not "closed" (a missing status counts
   * as open) and it has no closed date. SQL over {@code mdt_case c}.
   */
  public static final String OPEN =
      "(c.case_status IS NULL OR c.case_status <> "
          + CaseStatus.CLOSED.literal()
          + ") AND c.closed_date IS NULL";

  /** The case's status word by {@link #OPEN}: "open" or "closed". SQL over {@code mdt_case c}. */
  public static final String STATUS =
      "CASE WHEN "
          + OPEN
          + " THEN "
          + CaseStatus.OPEN.literal()
          + " ELSE "
          + CaseStatus.CLOSED.literal()
          + " END";
}

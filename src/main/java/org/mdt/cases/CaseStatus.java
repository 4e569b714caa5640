package org.mdt.cases;

/**
 * Whether a case is open or closed, as {@code case list} shows it and filters by it: a rule over
 * the roster's status code and closed date ({@link CaseRules#OPEN}), not the roster's own code
 * list.
 */
public enum CaseStatus {
  OPEN("open"),
  CLOSED("closed");

  private final String word;

  CaseStatus(String word) {
    this.word = word;
  }

  /**
   * The word shown and stored; {@code closed} is also the roster's case_status code for a closed
   * case.
   */
  public String word() {
    return word;
  }

  /** The word: what {@code --status} accepts (ignoring case) and completion offers. */
  @Override
  public String toString() {
    return word;
  }

  /** The word as an SQL string literal. */
  String literal() {
    return "'" + word + "'";
  }
}

package org.mdt.cases;

import java.util.List;

/**
 * What every output may show of a restricted case (a case whose child must not be identifiable even
 * to the team at large): its number, and that something is owed on it; never the child's initials
 * nor the text of an action, which can identify the child. One place, so that agendas, lists and
 * reports redact alike.
 */
public final class Redaction {
  /** Shown instead of the child's initials. */
  public static final String CHILD_LABEL = "restricted case";

  /** Shown instead of a follow-up's action. */
  public static final String ACTION_LABEL = "(restricted case)";

  private Redaction() {}

  /**
   * The child as an agenda may show it: initials, or nothing but the fact that the case is
   * restricted.
   */
  public static String child(boolean restricted, String initials) {
    return restricted ? CHILD_LABEL : initials;
  }

  /** A follow-up's action as a list may show it. */
  public static String action(boolean restricted, String action) {
    return restricted ? ACTION_LABEL : action;
  }

  /**
   * The follow-ups an output may spell out: none of a restricted case's (their count may be shown).
   */
  public static <T> List<T> followups(boolean restricted, List<T> followups) {
    return restricted ? List.of() : followups;
  }
}

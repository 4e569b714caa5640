package org.mdt.followup;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Where a follow-up is in its life: open until it is marked done or cancelled, once. */
public enum FollowupStatus {
  OPEN("open"),
  DONE("done"),
  CANCELLED("cancelled");

  /** The follow-up is open now (its stored status). SQL over {@code followup f}. */
  public static final String IS_OPEN = "f.status = '" + OPEN.word + "'";

  private final String word;

  FollowupStatus(String word) {
    this.word = word;
  }

  /** The word stored in followup.status, and shown. */
  public String word() {
    return word;
  }

  /** By stored word: the reports ask for every follow-up and month, too often to search. */
  private static final Map<String, FollowupStatus> BY_WORD =
      Arrays.stream(values()).collect(Collectors.toMap(FollowupStatus::word, s -> s));

  /** The status a stored word names. */
  public static FollowupStatus of(String word) {
    FollowupStatus status = BY_WORD.get(word);
    if (status == null) {
      throw new IllegalArgumentException("not a follow-up status: " + word);
    }
    return status;
  }

  /**
   * What this status was at the end of {@code day}: a follow-up marked done or cancelled after that
   * day was still open on it, since a report written on a day knows nothing later.
   *
   * @param closed the day it was marked done or cancelled, or null
   */
  public FollowupStatus asOf(LocalDate day, LocalDate closed) {
    return this != OPEN && closed != null && !closed.isAfter(day) ? this : OPEN;
  }
}

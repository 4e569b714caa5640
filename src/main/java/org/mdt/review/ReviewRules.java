package org.mdt.review;

/**
 * When a meeting was held and a case reviewed at it, in one place so agendas and every report
 * agree.
 */
public final class ReviewRules {
  private ReviewRules() {}

  /**
   * A meeting was held when it has been recorded ({@code review record}); a scheduled meeting not
   * yet recorded counts for nothing. SQL over {@code meeting m}.
   */
  public static final String RECORDED_MEETING = "m.recorded_at IS NOT NULL";

  /**
   * A case was reviewed at a meeting when it was marked reviewed there and the meeting has been
   * recorded. SQL over {@code meeting_case mc} and {@code meeting m}.
   */
  public static final String REVIEWED_AT_RECORDED_MEETING = "mc.reviewed AND " + RECORDED_MEETING;

  /**
   * A review that counts in the grant reports: the case was reviewed at a recorded meeting ({@link
   * #REVIEWED_AT_RECORDED_MEETING}) held on or after the case's first referral (a review dated
   * before any child on the case was referred is a typing error or a case number reused, and {@code
   * review record} warns of it). SQL over {@code meeting_case mc} and {@code meeting m}; the first
   * referral comes from the case_child_first_referral index.
   */
  public static final String COUNTED_REVIEW =
      REVIEWED_AT_RECORDED_MEETING
          + " AND m.meeting_date >= (SELECT MIN(r.referral_date) FROM case_child r WHERE r.case_id = mc.case_id)";
}

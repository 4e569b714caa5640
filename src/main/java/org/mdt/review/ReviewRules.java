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
   * The meeting was held on or after its case's first referral, from the case_child_first_referral
   * index.
   */
  private static final String ON_OR_AFTER_FIRST_REFERRAL =
      "m.meeting_date >= (SELECT MIN(r.referral_date) FROM case_child r WHERE r.case_id = mc.case_id)";

  /**
   * A review that counts in the grant reports: the case was reviewed at a recorded meeting ({@link
   * #REVIEWED_AT_RECORDED_MEETING}) held on or after the case's first referral (a review dated
   * before any child on the case was referred is a typing error or a case number reused, and {@code
   * review record} warns of it). SQL over {@code meeting_case mc} and {@code meeting m}; the first
   * referral comes from the case_child_first_referral index.
   */
  public static final String COUNTED_REVIEW =
      REVIEWED_AT_RECORDED_MEETING + " AND " + ON_OR_AFTER_FIRST_REFERRAL;

  /**
   * {@link #COUNTED_REVIEW} of the case of a child {@code ch} (a case_child row), the same rule
   * written for a report that reads the child: a meeting on or after the child's own referral is on
   * or after the case's first, so the first referral is looked up only for a meeting before it
   * (most reviews need no lookup then). SQL over {@code mc}, {@code m} and {@code ch}.
   */
  public static final String COUNTED_REVIEW_OF_CHILD =
      REVIEWED_AT_RECORDED_MEETING
          + " AND (m.meeting_date >= ch.referral_date OR "
          + ON_OR_AFTER_FIRST_REFERRAL
          + ")";
}

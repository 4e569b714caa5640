package org.mdt.review;

/** When a case review counts in the grant reports, in one place so NCA and VOCA agree. */
public final class ReviewRules {
  private ReviewRules() {}

  /**
   * A review that counts: the case was marked reviewed at a meeting since recorded, held on or after the
   * case's first referral (a review dated before any child on the case was referred is a typing error or a
   * case number reused, and {@code review record} warns of it). SQL over {@code meeting_case mc} and
   * {@code meeting m}; the first referral comes from the case_child_first_referral index.
   */
  public static final String COUNTED_REVIEW = "mc.reviewed AND m.recorded_at IS NOT NULL"
      + " AND m.meeting_date >= (SELECT MIN(r.referral_date) FROM case_child r WHERE r.case_id = mc.case_id)";
}

package org.mdt.review;

import java.time.LocalDate;
import org.mdt.db.Session;
import org.mdt.team.TeamStore;

/**
 * Says what the team reviewed before it used mdt, so a first import of a year of rosters does not
 * put every case on the agendas as "new": each case first referred before the day and not reviewed
 * at any meeting recorded in mdt counts as reviewed by that day, and comes up again under the
 * re-review rule, 90 days after it. A baseline is no meeting: it is kept apart from meeting reviews
 * (table review_baseline), and the grant and accreditation reports, which count reviews at recorded
 * meetings only, never see it.
 */
public final class RecordBaseline {
  /**
   * @param team the team's name, or null for every team
   * @param reviewedBefore the day by which every case referred before it had been reviewed
   */
  public record Request(String team, LocalDate reviewedBefore) {}

  /**
   * @param baseline how many cases were marked, already marked, or left out as reviewed in mdt
   */
  public record Result(ReviewStore.Baseline baseline) {}

  private final Session session;

  public RecordBaseline(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          TeamStore teams = new TeamStore(connection, audit);
          return new Result(
              new ReviewStore(connection, audit)
                  .markReviewedBeforeMdt(
                      teams.requireIfNamed(request.team()),
                      request.reviewedBefore(),
                      session.now()));
        });
  }
}

package org.mdt.review;

import java.sql.SQLException;
import java.util.List;
import org.mdt.db.Database;
import org.mdt.team.Member;
import org.mdt.team.TeamStore;

/**
 * A meeting's agenda from the team's open cases as they stand (the rules are {@link
 * AgendaBuilder}'s), with the team's active members, whom the printed agenda lists on its sign-in
 * sheet.
 */
public final class BuildAgenda {
  public record Request(long meetingId) {}

  public record Result(Agenda agenda, List<Member> members) {}

  private final Database database;

  public BuildAgenda(Database database) {
    this.database = database;
  }

  public Result run(Request request) {
    return database.inTransaction(
        connection -> {
          ReviewStore reviews = new ReviewStore(connection, null);
          Agenda agenda = agenda(reviews, reviews.require(request.meetingId()));
          TeamStore teams = new TeamStore(connection, null);
          return new Result(agenda, teams.members(teams.team(agenda.meeting().teamId()), false));
        });
  }

  /**
   * The meeting's agenda as it stands: also what a recorded meeting keeps as each case's reason.
   */
  static Agenda agenda(ReviewStore reviews, Meeting meeting) throws SQLException {
    List<CaseFacts> facts = reviews.openCaseFacts(meeting.teamId());
    return AgendaBuilder.build(
        meeting, facts, reviews.nextMeetingAfter(meeting.teamId(), meeting.date()));
  }
}

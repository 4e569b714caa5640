package org.mdt.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.mdt.db.AuditLog;
import org.mdt.db.Session;
import org.mdt.settings.DatabaseId;
import org.mdt.settings.SettingStore;
import org.mdt.team.TeamStore;

/**
 * What a meeting's invitation says beyond the meeting itself: this database's id (made on first
 * use), how often the meeting was rescheduled, the time zone and the organizer from the settings,
 * and the members invited.
 */
public final class PrepareInvitation {
  /**
   * The meeting fields whose change is a reschedule: an update of the meeting audited with any of
   * them raises the invitation's SEQUENCE, so calendars replace the event they hold (RFC 5546
   * section 2.1.4).
   */
  public static final Set<String> RESCHEDULED_FIELDS = Set.of("date", "time", "location");

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Request(long meetingId) {}

  /** The invitation, and notes for stderr (such as no organizer address being set). */
  public record Result(AgendaInvite invite, List<String> notes) {}

  private final Session session;

  public PrepareInvitation(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          Meeting meeting = new ReviewStore(connection, null).require(request.meetingId());
          TeamStore teams = new TeamStore(connection, null);
          String zone = SettingStore.current(connection, AgendaInvite.TIME_ZONE).value();
          String organizer = SettingStore.current(connection, AgendaInvite.ORGANIZER).value();
          AgendaInvite invite =
              new AgendaInvite(
                  meeting,
                  teams.members(teams.team(meeting.teamId()), false),
                  DatabaseId.of(connection, audit, session.now()),
                  reschedules(connection, meeting),
                  zone == null ? session.clock().getZone() : ZoneId.of(zone),
                  organizer);
          return new Result(
              invite,
              organizer != null
                  ? List.of()
                  : List.of(
                      "the invitation names no address for"
                          + " replies: set one with 'mdt settings set "
                          + AgendaInvite.ORGANIZER.name()
                          + " ADDRESS'"));
        });
  }

  /** How often the audit trail shows the meeting's date, time or place changed. */
  private static int reschedules(Connection connection, Meeting meeting) throws SQLException {
    int reschedules = 0;
    for (AuditLog.Entry entry : AuditLog.history(connection, "meeting", meeting.id())) {
      if (entry.action().equals("update") && changesSchedule(entry.changes())) {
        reschedules++;
      }
    }
    return reschedules;
  }

  private static boolean changesSchedule(String changes) {
    try {
      JsonNode fields = JSON.readTree(changes);
      return RESCHEDULED_FIELDS.stream().anyMatch(fields::has);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an audit entry is not JSON: " + changes, e);
    }
  }
}

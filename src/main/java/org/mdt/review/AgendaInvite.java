package org.mdt.review;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mdt.text.TerminalText;

/**
 * An iCalendar invitation to a review meeting, written with ical4j. It goes to partner agencies' mail, so
 * it names the team and the time and nothing of any case: the agenda travels separately.
 */
public final class AgendaInvite {
  /** A meeting with no time set is placed at 09:00; meetings are booked for two hours. */
  static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
  static final Duration LENGTH = Duration.ofHours(2);

  private AgendaInvite() {}

  public static void write(Meeting meeting, OutputStream out) throws IOException {
    LocalTime start = meeting.time() == null ? DEFAULT_START : meeting.time();
    VEvent event = new VEvent(LocalDateTime.of(meeting.date(), start), LENGTH, text("MDT case review: " + meeting.team()));
    event.add(new Uid("mdt-meeting-" + meeting.id() + "-" + meeting.date() + "@mdt"));
    event.add(new Description(text("Case review meeting of " + meeting.team()
        + ". The agenda is confidential and distributed separately.")));
    if (meeting.location() != null) {
      event.add(new Location(text(meeting.location())));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//mdt//MDT case review//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(event);
    new CalendarOutputter().output(calendar, out);
  }

  /**
   * A text value as RFC 5545 allows it: ical4j escapes line feeds (and commas, semicolons, backslashes),
   * so every line break becomes one; a bare CR would end the property line and start another, and other
   * controls have no place in a calendar, so they are dropped.
   */
  private static String text(String value) {
    StringBuilder text = new StringBuilder(value.length());
    value.replaceAll("\\r\\n?|[\\u2028\\u2029]", "\n").chars()
        .filter(c -> c == '\n' || !TerminalText.isUnsafe(c))
        .forEach(c -> text.append((char) c));
    return text.toString();
  }
}

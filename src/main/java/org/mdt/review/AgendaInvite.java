package org.mdt.review;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mdt.MdtException;
import org.mdt.settings.Setting;
import org.mdt.team.Member;
import org.mdt.text.TerminalText;

/**
 * An iCalendar invitation (RFC 5545, sent as an RFC 5546 REQUEST) to a review meeting, written with
 * ical4j. It goes to partner agencies' mail, so it names the team, the time and the place and
 * nothing of any case: the agenda travels separately.
 *
 * <p>A calendar keeps one event per UID and replaces it when an invitation with a higher SEQUENCE
 * arrives, so the UID names the meeting within this database ({@code databaseId}, random) and the
 * sequence counts the meeting's reschedules; the start carries its time zone, so recipients
 * elsewhere see the right hour.
 *
 * @param attendees the team's members with an e-mail address, invited as required participants
 * @param databaseId this database's random id (see {@link org.mdt.settings.DatabaseId})
 * @param sequence how often the meeting's date, time or place changed since it was scheduled
 * @param zone the zone the meeting's local time is in
 * @param organizer the organizer's e-mail address (setting {@link #ORGANIZER}), or null when none
 *     is set
 */
public record AgendaInvite(
    Meeting meeting,
    List<Member> attendees,
    String databaseId,
    int sequence,
    ZoneId zone,
    String organizer) {
  /** A meeting with no time set is placed at 09:00; meetings are booked for two hours. */
  static final LocalTime DEFAULT_START = LocalTime.of(9, 0);

  static final Duration LENGTH = Duration.ofHours(2);

  /**
   * RFC 5545 section 3.1: content lines are folded at 75 octets, a continuation starting with one
   * space.
   */
  static final int LINE_OCTETS = 75;

  /** A fold as ical4j writes it (and any reader removes it): CRLF and one space or tab. */
  private static final Pattern FOLD = Pattern.compile("\\r\\n[ \\t]");

  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]+@[^@\\s\"<>()\\[\\],;:\\\\]+");

  public static final Setting TIME_ZONE =
      new Setting(
          "ics.timeZone",
          "The time zone of meeting times in"
              + " invitations, such as America/New_York; unset, the machine's.",
          null,
          AgendaInvite::zoneName);
  public static final Setting ORGANIZER =
      new Setting(
          "ics.organizer",
          "The e-mail address invitations name as"
              + " their organizer, to which replies go, such as coordinator@cac.example.",
          null,
          AgendaInvite::address);

  /** A bare offset (a clock's "Z") is named as calendars know it: UTC, or UTC+05:30. */
  public AgendaInvite {
    attendees =
        attendees.stream()
            .filter(member -> member.email() != null && isAddress(member.email()))
            .toList();
    zone = zone instanceof ZoneOffset offset ? ZoneId.ofOffset("UTC", offset) : zone;
  }

  /** Stable per meeting (a reschedule keeps it), different in every database. */
  public String uid() {
    return "mdt-meeting-" + meeting.id() + "@" + databaseId;
  }

  /**
   * The invitation, stamped {@code stamp} (SOURCE_DATE_EPOCH when set, so the same data gives the
   * same bytes).
   */
  public void write(OutputStream out, Instant stamp) throws IOException {
    LocalDateTime start =
        LocalDateTime.of(meeting.date(), meeting.time() == null ? DEFAULT_START : meeting.time());
    VEvent event = new VEvent(false);
    event.add(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
    event.add(new Uid(uid()));
    event.add(new Sequence(sequence));
    event.add(new DtStart<>(start).add(new net.fortuna.ical4j.model.parameter.TzId(zone.getId())));
    event.add(new net.fortuna.ical4j.model.property.Duration(LENGTH));
    event.add(new Summary(text("MDT case review: " + meeting.team())));
    event.add(
        new Description(
            text(
                "Case review meeting of "
                    + meeting.team()
                    + ". The agenda is confidential and distributed separately.")));
    if (meeting.location() != null) {
      event.add(new Location(text(meeting.location())));
    }
    event.add(
        new Organizer(organizer == null ? URI.create("urn:uuid:" + databaseId) : mailto(organizer))
            .add(new Cn(parameter(meeting.team()))));
    for (Member member : attendees) {
      event.add(
          new Attendee(mailto(member.email()))
              .add(new Cn(parameter(member.name())))
              .add(Role.REQ_PARTICIPANT)
              .add(PartStat.NEEDS_ACTION)
              .add(Rsvp.TRUE));
    }
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//mdt//MDT case review//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.REQUEST);
    calendar.add(timeZone(start));
    calendar.add(event);
    StringWriter written = new StringWriter();
    new CalendarOutputter(true).output(calendar, written);
    out.write(folded(written.toString()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The zone's observances around the meeting: the change of offset in force at its start and the
   * next one, so a calendar can place it without a time-zone database of its own and the file stays
   * small.
   */
  private VTimeZone timeZone(LocalDateTime start) {
    ZoneRules rules = zone.getRules();
    Instant at = start.atZone(zone).toInstant();
    VTimeZone timeZone = new VTimeZone();
    timeZone.add(new TzId(zone.getId()));
    ZoneOffsetTransition before = rules.previousTransition(at.plusSeconds(1));
    if (before == null) { // a fixed offset
      ZoneOffset offset = rules.getOffset(at);
      timeZone.add(observance(new Standard(), LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
    } else {
      timeZone.add(observance(rules, before));
    }
    ZoneOffsetTransition after = rules.nextTransition(at);
    if (after != null) {
      timeZone.add(observance(rules, after));
    }
    return timeZone;
  }

  private static Observance observance(ZoneRules rules, ZoneOffsetTransition change) {
    Observance observance =
        rules.isDaylightSavings(change.getInstant()) ? new Daylight() : new Standard();
    return observance(
        observance, change.getDateTimeBefore(), change.getOffsetBefore(), change.getOffsetAfter());
  }

  /** An observance from its onset, given in the local time before it as RFC 5545 wants. */
  private static Observance observance(
      Observance observance, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
    observance.add(new DtStart<>(onset));
    observance.add(new TzOffsetFrom(from));
    observance.add(new TzOffsetTo(to));
    return observance;
  }

  /**
   * Content lines folded at {@link #LINE_OCTETS} octets of UTF-8, between characters: a fold never
   * splits a character's bytes, which a reader would decode as two broken characters. ical4j folds
   * at 75 characters (an accented line is then longer than 75 octets), so its folds are undone
   * first.
   */
  static String folded(String written) {
    String unfolded = FOLD.matcher(written).replaceAll("");
    StringBuilder folded =
        new StringBuilder(unfolded.length() + unfolded.length() / LINE_OCTETS * 3);
    for (String line : unfolded.split("\\r\\n")) {
      int octets = 0;
      for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
        int codePoint = line.codePointAt(i);
        int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        if (octets + size > LINE_OCTETS) {
          folded.append("\r\n ");
          octets = 1;
        }
        folded.appendCodePoint(codePoint);
        octets += size;
      }
      folded.append("\r\n");
    }
    return folded.toString();
  }

  /**
   * A text value as RFC 5545 allows it: ical4j escapes line feeds (and commas, semicolons,
   * backslashes), so every line break becomes one; a bare CR would end the property line and start
   * another, and other controls have no place in a calendar, so they are dropped.
   */
  private static String text(String value) {
    StringBuilder text = new StringBuilder(value.length());
    value
        .replaceAll("\\r\\n?|[\\u2028\\u2029]", "\n")
        .chars()
        .filter(c -> c == '\n' || !TerminalText.isUnsafe(c))
        .forEach(c -> text.append((char) c));
    return text.toString();
  }

  /**
   * A parameter value (a name): one line, and no double quote, which RFC 5545 allows nowhere in
   * one.
   */
  private static String parameter(String value) {
    return text(value).replace('\n', ' ').replace('"', '\'');
  }

  private static URI mailto(String address) {
    return URI.create("mailto:" + address);
  }

  private static boolean isAddress(String text) {
    return ADDRESS.matcher(text).matches();
  }

  private static String address(String value) {
    String address = value.trim().replaceFirst("(?i)^mailto:", "");
    if (!isAddress(address)) {
      throw MdtException.usage(
          "ics.organizer takes an e-mail address such as coordinator@cac.example, not '"
              + TerminalText.safe(value)
              + "'");
    }
    return address;
  }

  private static String zoneName(String value) {
    try {
      ZoneId zone = ZoneId.of(value.trim());
      return (zone instanceof ZoneOffset offset ? ZoneId.ofOffset("UTC", offset) : zone).getId();
    } catch (DateTimeException e) {
      throw MdtException.usage(
          "ics.timeZone takes a time zone name such as America/New_York, not '"
              + TerminalText.safe(value)
              + "'");
    }
  }
}

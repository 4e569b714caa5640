package org.mdt.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;

/**
 * The invitation as calendars read it (parsed back with ical4j): folded by octets, a UID per
 * meeting and database, the start in its time zone, a REQUEST with organizer and attendees, a
 * SEQUENCE that grows with each reschedule, and the same bytes from the same data.
 */
class AgendaInviteTest {
  private static final String TEAM =
      "Équipe Nord-Est de Montréal – Protección Infantil Łódź Nguyễn Thị Hương";
  private static final String PLACE =
      "Salle de réunion 2, Hôpital Sainte-Justine, 3175 chemin de la"
          + " Côte-Sainte-Catherine, Montréal, Québec — 東京 会議室";
  @TempDir Path dir;
  private Mdt mdt;

  @BeforeEach
  void meeting() {
    mdt = team(dir);
  }

  private static Mdt team(Path dir) {
    Mdt mdt =
        new Mdt(dir).withTeam(TEAM).env("SOURCE_DATE_EPOCH", "1767225600"); // 2026-01-01T00:00:00Z
    mdt.ok(
        "member",
        "add",
        "--name",
        "Łukasz Wójcik",
        "--discipline",
        "police",
        "--agency",
        "Town PD",
        "--email",
        "lukasz@pd.example");
    mdt.ok(
        "member", "add", "--name", "Dana Reyes", "--discipline", "DCF", "--agency", "DCF Region 1");
    mdt.ok(
        "review",
        "schedule",
        "--from",
        "2027-01-05",
        "--to",
        "2027-01-05",
        "--rule",
        "weekly:TUE",
        "--time",
        "09:30",
        "--location",
        PLACE);
    return mdt;
  }

  private byte[] invite(Mdt mdt, String name) throws Exception {
    Path ics = dir.resolve(name);
    Mdt.Result result = mdt.run("review", "agenda", "1", "--ics", ics.toString(), "--force");
    assertEquals(0, result.code(), result.err());
    return Files.readAllBytes(ics);
  }

  private String invite() throws Exception {
    return new String(invite(mdt, "invite.ics"), StandardCharsets.UTF_8);
  }

  private static Calendar calendar(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static VEvent event(String ics) throws Exception {
    List<VEvent> events = calendar(ics).getComponents("VEVENT");
    assertEquals(1, events.size());
    return events.get(0);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  @Test
  void linesAreFoldedAt75OctetsNeverInsideACharacter() throws Exception {
    byte[] bytes = invite(mdt, "invite.ics");
    String ics = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(ics.endsWith("\r\n"));
    int start = 0;
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        byte[] line = Arrays.copyOfRange(bytes, start, i);
        assertTrue(
            line.length <= AgendaInvite.LINE_OCTETS,
            line.length + " octets: " + new String(line, StandardCharsets.UTF_8));
        assertDecodes(line);
        start = i + 2;
      }
    }
    assertTrue(ics.contains("\r\n "), "the long lines are folded");
    VEvent event = event(ics);
    assertEquals("MDT case review: " + TEAM, value(event, "SUMMARY"));
    assertEquals(PLACE, value(event, "LOCATION"));
  }

  @Test
  void foldingCountsOctetsAndKeepsEveryCharacterWhole() throws Exception {
    String line = "SUMMARY:" + "😀é".repeat(40);
    String folded = AgendaInvite.folded(line + "\r\n");
    for (String physical : folded.split("\r\n")) {
      byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
      assertTrue(octets.length <= AgendaInvite.LINE_OCTETS, physical);
      assertDecodes(octets);
    }
    assertEquals(
        line, folded.replace("\r\n ", "").replace("\r\n", ""), "unfolding gives the line back");
    assertEquals("DTSTART:20270105T093000\r\n", AgendaInvite.folded("DTSTART:20270105T093000\r\n"));
  }

  private static void assertDecodes(byte[] line) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line));
    } catch (CharacterCodingException e) {
      throw new AssertionError("a fold splits a character: " + Arrays.toString(line), e);
    }
  }

  @Test
  void theUidIsStablePerMeetingAndDiffersBetweenDatabases() throws Exception {
    String uid = value(event(invite()), "UID");
    assertTrue(
        uid.matches("mdt-meeting-1@[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        uid);
    assertEquals(uid, value(event(invite()), "UID"), "the same meeting, the same UID");
    Mdt other = team(dir.resolve("other"));
    String otherUid =
        value(event(new String(invite(other, "other.ics"), StandardCharsets.UTF_8)), "UID");
    assertNotEquals(uid, otherUid, "another database's meeting 1 is another event");
    assertEquals(
        2,
        mdt.run("settings", "set", "database.id", "x").code(),
        "the id is not a setting staff change");
  }

  @Test
  void theStartCarriesItsTimeZone() throws Exception {
    String ics = invite();
    assertTrue(
        ics.contains("DTSTART;TZID=UTC:20270105T093000\r\n"),
        "unset: the machine's zone (here UTC)\n" + ics);
    assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:UTC\r\n"), ics);

    mdt.ok("settings", "set", "ics.timeZone", "America/New_York");
    ics = invite();
    assertTrue(ics.contains("DTSTART;TZID=America/New_York:20270105T093000\r\n"), ics);
    Calendar calendar = calendar(ics);
    VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
    assertEquals("America/New_York", zone.getProperty("TZID").orElseThrow().getValue());
    Temporal start = event(ics).getDateTimeStart().getDate();
    assertEquals(
        Instant.parse("2027-01-05T14:30:00Z"),
        ZonedDateTime.from(start).toInstant(),
        "09:30 in New York");
    assertEquals(
        "-0500",
        zone.getApplicableObservance(start).getProperty("TZOFFSETTO").orElseThrow().getValue());
    assertTrue(
        ics.contains("TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"),
        "the change to standard time before it");
    assertTrue(
        ics.contains("DTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"),
        "and the next");

    assertEquals(2, mdt.run("settings", "set", "ics.timeZone", "Mars/Olympus").code());
  }

  @Test
  void aRequestNamesItsOrganizerAndAttendees() throws Exception {
    Mdt.Result first =
        mdt.run("review", "agenda", "1", "--ics", dir.resolve("invite.ics").toString());
    assertTrue(first.err().contains("mdt settings set ics.organizer ADDRESS"), first.err());
    String ics = Files.readString(dir.resolve("invite.ics"));
    assertTrue(ics.contains("METHOD:REQUEST\r\n"), ics);
    String uid = value(event(ics), "UID");
    Property organizer = event(ics).getProperty("ORGANIZER").orElseThrow();
    assertEquals(
        "urn:uuid:" + uid.substring(uid.indexOf('@') + 1),
        organizer.getValue(),
        "no address: this database");

    mdt.ok("settings", "set", "ics.organizer", "mailto:coordinator@cac.example");
    Mdt.Result set =
        mdt.run("review", "agenda", "1", "--ics", dir.resolve("invite.ics").toString(), "--force");
    assertFalse(set.err().contains("ics.organizer"), set.err());
    VEvent event = event(Files.readString(dir.resolve("invite.ics")));
    organizer = event.getProperty("ORGANIZER").orElseThrow();
    assertEquals("mailto:coordinator@cac.example", organizer.getValue());
    assertEquals(TEAM, organizer.getParameter("CN").orElseThrow().getValue());
    List<Property> attendees = event.getProperties("ATTENDEE");
    assertEquals(
        List.of("mailto:lukasz@pd.example"),
        attendees.stream().map(Property::getValue).toList(),
        "members with an address; Dana Reyes has none");
    assertEquals("Łukasz Wójcik", attendees.get(0).getParameter("CN").orElseThrow().getValue());
    assertEquals(2, mdt.run("settings", "set", "ics.organizer", "not an address").code());
  }

  @Test
  void aRescheduleRaisesTheSequenceAndKeepsTheUid() throws Exception {
    VEvent first = event(invite());
    assertEquals("0", value(first, "SEQUENCE"));
    assertEquals(
        "0", value(event(invite()), "SEQUENCE"), "written again unchanged: the same sequence");

    reschedule("start_time", LocalTime.of(10, 0), "time", "09:30", "10:00");
    VEvent moved = event(invite());
    assertEquals("1", value(moved, "SEQUENCE"));
    assertEquals(value(first, "UID"), value(moved, "UID"));
    assertTrue(value(moved, "DTSTART").startsWith("20270105T100000"), value(moved, "DTSTART"));

    reschedule("location", "Room 3", "location", PLACE, "Room 3");
    VEvent elsewhere = event(invite());
    assertEquals("2", value(elsewhere, "SEQUENCE"));
    assertEquals("Room 3", value(elsewhere, "LOCATION"));
  }

  /**
   * A reschedule as an operation would make it: the meeting updated, and the change audited in the
   * same step.
   */
  private void reschedule(String column, Object value, String field, String before, String after)
      throws Exception {
    try (Database database =
        Database.open(
            DatabaseLocation.of(dir.resolve("mdt").toString(), Map.of()),
            false,
            java.time.Duration.ZERO)) {
      database.inTransaction(
          connection -> {
            try (var update =
                connection.prepareStatement("UPDATE meeting SET " + column + " = ? WHERE id = 1")) {
              update.setObject(1, value);
              update.executeUpdate();
            }
            new AuditLog(connection, "test", "review reschedule 1", java.time.Clock.systemUTC())
                .updated("meeting", 1, Map.of(field, new AuditLog.Change(before, after)));
            return null;
          });
    }
  }

  @Test
  void theSameDataGivesTheSameBytes() throws Exception {
    byte[] first = invite(mdt, "first.ics");
    Thread.sleep(1100); // a second later: any wall-clock time in the file would now differ
    assertArrayEquals(first, invite(mdt, "second.ics"));
    assertTrue(
        new String(first, StandardCharsets.UTF_8).contains("DTSTAMP:20260101T000000Z\r\n"),
        "stamped with SOURCE_DATE_EPOCH");
  }
}

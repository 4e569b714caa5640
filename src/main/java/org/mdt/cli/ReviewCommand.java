package org.mdt.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.cases.CaseRef;
import org.mdt.cases.CaseStore;
import org.mdt.followup.FollowupStore;
import org.mdt.review.Agenda;
import org.mdt.review.AgendaBuilder;
import org.mdt.review.AgendaInvite;
import org.mdt.review.AgendaPdf;
import org.mdt.review.CaseFacts;
import org.mdt.review.Meeting;
import org.mdt.review.RecurrenceRule;
import org.mdt.review.ReviewStore;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "review", description = "Case review meetings: schedule, agenda, requests, record.",
    subcommands = {ReviewCommand.Schedule.class, ReviewCommand.ListMeetings.class, ReviewCommand.AgendaOf.class,
        ReviewCommand.Request.class, ReviewCommand.Record.class})
final class ReviewCommand {

  @Command(name = "schedule", description = {"Create a team's meetings from a recurrence rule; running it again"
      + " for the same range creates nothing new.",
      "RULE: weekly:TUE, biweekly:TUE, monthly:2:TUE (second Tuesday) or monthly:last:THU."})
  static final class Schedule implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "The team (needed when there are several).")
    String team;

    @Option(names = "--from", required = true, paramLabel = "D", description = "First day (yyyy-MM-dd).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "Last day (yyyy-MM-dd).")
    LocalDate to;

    @Option(names = "--rule", required = true, paramLabel = "RULE", description = "When the team meets.")
    String rule;

    @Option(names = "--time", paramLabel = "HH:MM", description = "Start time.")
    String time;

    @Option(names = "--capacity", paramLabel = "N", description = "Most cases per meeting; the rest roll over.")
    Integer capacity;

    @Option(names = "--location", paramLabel = "TEXT", description = "Where the team meets.")
    String location;

    Schedule(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      RecurrenceRule recurrence = RecurrenceRule.parse(rule);
      if (to.isBefore(from)) {
        throw MdtException.usage("--to " + to + " is before --from " + from);
      }
      if (capacity != null && capacity < 1) {
        throw MdtException.usage("--capacity must be at least 1");
      }
      LocalTime start = parseTime(time);
      List<Meeting> created = context.database().inTransaction(connection -> {
        Team only = Stores.teams(context, connection).resolve(team);
        return Stores.reviews(context, connection).schedule(only, recurrence.dates(from, to), start, capacity,
            location, recurrence.text(), OffsetDateTime.now(context.clock));
      });
      context.printer().table(meetingTable(created));
      context.info("scheduled " + created.size() + " new meeting(s) from " + from + " to " + to);
      return 0;
    }

    private static LocalTime parseTime(String text) {
      try {
        return text == null ? null : LocalTime.parse(text);
      } catch (DateTimeParseException e) {
        throw MdtException.usage("--time must be HH:MM, not '" + text + "'");
      }
    }
  }

  @Command(name = "list", description = "List meetings, by date.")
  static final class ListMeetings implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's meetings.")
    String team;

    @Option(names = "--upcoming", description = "Only meetings from today on.")
    boolean upcoming;

    ListMeetings(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      Connection connection = context.database().connection();
      Team only = team == null ? null : Stores.teams(context, connection).require(team);
      context.printer().table(meetingTable(Stores.reviews(context, connection)
          .meetings(only, upcoming ? LocalDate.now(context.clock) : null)));
      return 0;
    }
  }

  static Table meetingTable(List<Meeting> meetings) {
    Table table = Table.of("id", "ID", "team", "TEAM", "date", "DATE", "time", "TIME", "location", "LOCATION",
        "capacity", "CAPACITY", "recorded", "RECORDED");
    for (Meeting m : meetings) {
      table.row(m.id(), m.team(), m.date(), m.time() == null ? null : m.time().toString(), m.location(),
          m.capacity(), m.recorded());
    }
    return table;
  }

  @Command(name = "agenda", description = {"Build a meeting's agenda: new cases, requested cases, cases with"
      + " follow-ups due, re-reviews (90 days), oldest first, within the meeting's capacity.",
      "Cases appear by initials and case number only; a restricted case only by its number."})
  static final class AgendaOf implements Callable<Integer> {
    private static final int ROLLED_OVER_SHOWN = 10;

    private final CliContext context;

    @Parameters(paramLabel = "MEETING", description = "The meeting id (see 'mdt review list').")
    long meetingId;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the printable agenda (.pdf).")
    Path out;

    @Option(names = "--ics", paramLabel = "FILE", description = "Also write an iCalendar invitation (.ics).")
    Path ics;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    AgendaOf(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
        throw MdtException.usage("--out writes a PDF agenda: name it .pdf");
      }
      Outputs outputs = Outputs.check(context, force, List.of(), out, ics);
      Connection connection = context.database().connection();
      ReviewStore reviews = Stores.reviews(context, connection);
      Agenda agenda = agenda(reviews, reviews.require(meetingId));
      print(agenda);
      if (out != null) {
        TeamStore teams = Stores.teams(context, connection);
        List<Member> members = teams.members(teams.team(agenda.meeting().teamId()), false);
        outputs.write(out, file -> AgendaPdf.write(agenda, members, file));
        context.info("wrote " + out);
      }
      if (ics != null) {
        outputs.write(ics, file -> AgendaInvite.write(agenda.meeting(), file));
        context.info("wrote " + ics);
      }
      if (!agenda.rolledOver().isEmpty()) {
        List<String> rolled = agenda.rolledOver();
        context.info(rolled.size() + " case(s) did not fit and roll over to the next meeting"
            + (agenda.nextMeeting() == null ? " (none scheduled yet)" : " on " + agenda.nextMeeting()) + ": "
            + String.join(", ", rolled.subList(0, Math.min(ROLLED_OVER_SHOWN, rolled.size())))
            + (rolled.size() > ROLLED_OVER_SHOWN ? ", ... (--format json lists them all)" : ""));
      }
      return 0;
    }

    private void print(Agenda agenda) {
      Printer printer = context.printer();
      if (printer.format() == OutputFormat.JSON) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Agenda.Item item : agenda.cases()) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("caseNumber", item.facts().caseNumber());
          entry.put("initials", item.label());
          entry.put("reason", item.reason().code());
          entry.put("restricted", item.facts().restricted());
          entry.put("openFollowups", item.facts().restricted() ? List.of() : item.facts().openFollowups().stream()
              .map(f -> {
                Map<String, Object> followup = new LinkedHashMap<>();
                followup.put("id", f.id());
                followup.put("action", f.action());
                followup.put("owner", f.owner());
                followup.put("discipline", f.discipline());
                followup.put("due", f.due());
                return followup;
              }).toList());
          cases.add(entry);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meeting", meetingJson(agenda.meeting()));
        json.put("cases", cases);
        json.put("rolledOver", agenda.rolledOver());
        json.put("nextMeeting", agenda.nextMeeting());
        printer.json(json);
        return;
      }
      Table table = Table.of("caseNumber", "CASE", "initials", "CHILD", "reason", "REASON", "openFollowups",
          "OPEN FOLLOW-UPS");
      for (Agenda.Item item : agenda.cases()) {
        table.row(item.facts().caseNumber(), item.label(), item.reason().code(), item.facts().openFollowups().size());
      }
      if (printer.format() == OutputFormat.TABLE) {
        Meeting m = agenda.meeting();
        printer.heading("Agenda: " + m.team() + ", " + m.date() + (m.time() == null ? "" : " " + m.time())
            + (m.location() == null ? "" : ", " + m.location()));
      }
      printer.table(table);
    }
  }

  static Map<String, Object> meetingJson(Meeting m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", m.id());
    json.put("team", m.team());
    json.put("date", m.date());
    json.put("time", m.time() == null ? null : m.time().toString());
    json.put("location", m.location());
    json.put("capacity", m.capacity());
    json.put("recorded", m.recorded());
    return json;
  }

  /** The meeting's agenda from the team's open cases as they stand. */
  static Agenda agenda(ReviewStore reviews, Meeting meeting) throws SQLException {
    List<CaseFacts> facts = reviews.openCaseFacts(meeting.teamId());
    return AgendaBuilder.build(meeting, facts, reviews.nextMeetingAfter(meeting.teamId(), meeting.date()));
  }

  @Command(name = "request", description = "Ask for a case to be discussed at the next meeting (or a given one).")
  static final class Request implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(names = "--team", paramLabel = "T", description = "The team, when several hold this case number.")
    String team;

    @Option(names = "--meeting", paramLabel = "M", description = "The meeting id (default: the next one).")
    Long meetingId;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept with the request, not on the agenda).")
    String note;

    @Option(names = "--by", paramLabel = "MEMBER", description = "The member asking (default: you, the OS user).")
    String by;

    Request(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      long id = context.database().inTransaction(connection -> {
        TeamStore teams = Stores.teams(context, connection);
        CaseRef caseRef = Stores.cases(connection).require(caseNumber, team == null ? null : teams.require(team));
        ReviewStore reviews = Stores.reviews(context, connection);
        Meeting meeting = meetingId == null ? null : reviews.require(meetingId);
        if (meeting != null && meeting.teamId() != caseRef.teamId()) {
          throw MdtException.domain("meeting " + meetingId + " is " + meeting.team() + "'s; case " + caseNumber
              + " is " + caseRef.team() + "'s");
        }
        String requester = by == null ? context.osUser() : teams.requireMember(teams.team(caseRef.teamId()), by).name();
        return reviews.request(caseRef, meeting, note, requester, OffsetDateTime.now(context.clock));
      });
      context.info("requested review of case " + caseNumber + " (request " + id + ")");
      return 0;
    }
  }

  @Command(name = "record", description = {"Record a meeting: who attended, which cases were reviewed, the"
      + " recommendations, and the follow-ups they became."})
  static final class Record implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MEETING", description = "The meeting id.")
    long meetingId;

    @Option(names = "--attended", arity = "1..*", required = true, paramLabel = "MEMBER",
        description = "Members present: id or exact name.")
    List<String> attended;

    @Option(names = "--reviewed", arity = "1..*", required = true, paramLabel = "CASE",
        description = "Case numbers reviewed.")
    List<String> reviewed;

    @Option(names = "--recommend", arity = "1..*", paramLabel = "CASE:TEXT", description = "A recommendation.")
    List<String> recommendations = new ArrayList<>();

    @Option(names = "--followup", arity = "1..*", paramLabel = "CASE:OWNER:DUE:TEXT",
        description = "A recommendation that becomes a follow-up (DUE yyyy-MM-dd, or empty for none).")
    List<String> followups = new ArrayList<>();

    Record(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<ReviewStore.ReviewBeforeReferral> early = new ArrayList<>();
      int[] counts = context.database().inTransaction(connection -> {
        OffsetDateTime now = OffsetDateTime.now(context.clock);
        ReviewStore reviews = Stores.reviews(context, connection);
        TeamStore teams = Stores.teams(context, connection);
        CaseStore cases = Stores.cases(connection);
        Meeting meeting = reviews.require(meetingId);
        Team team = teams.team(meeting.teamId());
        List<Member> present = new ArrayList<>();
        for (String reference : attended) {
          Member member = teams.requireMember(team, reference);
          if (!present.contains(member)) {
            present.add(member);
          }
        }
        Agenda agenda = agenda(reviews, meeting);
        Map<CaseRef, Agenda.Reason> reviewedCases = new LinkedHashMap<>();
        for (String caseNumber : reviewed) {
          CaseRef ref = cases.require(caseNumber, team);
          reviewedCases.put(ref, agenda.cases().stream().filter(i -> i.facts().caseId() == ref.id())
              .map(Agenda.Item::reason).findFirst().orElse(null));
        }
        early.addAll(reviews.record(meeting, present, reviewedCases, now));
        for (String recommendation : recommendations) {
          String[] parts = split(recommendation, 2, "--recommend CASE:TEXT");
          reviews.recommend(meeting, reviewedCase(cases, team, reviewedCases, parts[0]), parts[1]);
        }
        FollowupStore followupStore = Stores.followups(context, connection);
        for (String followup : followups) {
          String[] parts = split(followup, 4, "--followup CASE:OWNER:DUE:TEXT");
          CaseRef ref = reviewedCase(cases, team, reviewedCases, parts[0]);
          long recommendationId = reviews.recommend(meeting, ref, parts[3]);
          followupStore.add(ref, teams.requireMember(team, parts[1]), parts[3], date(parts[2]), meeting.id(),
              recommendationId, now);
        }
        return new int[] {present.size(), reviewedCases.size(), recommendations.size() + followups.size(),
            followups.size()};
      });
      early.forEach(review -> context.info("warning: " + review.message()));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("meeting", meetingId);
      result.put("attended", counts[0]);
      result.put("reviewed", counts[1]);
      result.put("recommendations", counts[2]);
      result.put("followups", counts[3]);
      context.printer().record(result);
      return 0;
    }

    private static CaseRef reviewedCase(CaseStore cases, Team team, Map<CaseRef, Agenda.Reason> reviewed,
        String caseNumber) throws SQLException {
      CaseRef ref = cases.require(caseNumber, team);
      if (!reviewed.containsKey(ref)) {
        throw MdtException.usage("case " + caseNumber + " has a recommendation but is not among --reviewed");
      }
      return ref;
    }

    private static String[] split(String value, int parts, String form) {
      String[] split = value.split(":", parts);
      if (split.length != parts || split[0].isBlank() || split[parts - 1].isBlank()) {
        throw MdtException.usage("'" + value + "' is not " + form);
      }
      return split;
    }

    private static LocalDate date(String text) {
      try {
        return text.isBlank() ? null : LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw MdtException.usage("due date '" + text + "' is not yyyy-MM-dd");
      }
    }
  }
}

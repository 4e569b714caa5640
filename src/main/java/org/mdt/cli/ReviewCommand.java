package org.mdt.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.cases.Redaction;
import org.mdt.review.Agenda;
import org.mdt.review.AgendaBuilder;
import org.mdt.review.AgendaPdf;
import org.mdt.review.AmendMeeting;
import org.mdt.review.BuildAgenda;
import org.mdt.review.ListMeetings;
import org.mdt.review.Meeting;
import org.mdt.review.PrepareInvitation;
import org.mdt.review.RecordBaseline;
import org.mdt.review.RecordMeeting;
import org.mdt.review.RecurrenceRule;
import org.mdt.review.RequestReview;
import org.mdt.review.ReviewStore;
import org.mdt.review.ScheduleMeetings;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
    name = "review",
    description = "Case review meetings: schedule, agenda, requests, record, amend.",
    subcommands = {
      ReviewCommand.Schedule.class,
      ReviewCommand.Listing.class,
      ReviewCommand.AgendaOf.class,
      ReviewCommand.Request.class,
      ReviewCommand.Record.class,
      ReviewCommand.Amend.class,
      ReviewCommand.Baseline.class
    })
final class ReviewCommand {

  @Command(
      name = "schedule",
      description = {
        "Create a team's meetings from a recurrence rule; running it again"
            + " for the same range creates nothing new.",
        "RULE: weekly:TUE, biweekly:TUE, monthly:2:TUE (second Tuesday) or monthly:last:THU."
      })
  static final class Schedule implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team (needed when there are several).")
    String team;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "D",
        description = "First day (yyyy-MM-dd).")
    LocalDate from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "D",
        description = "Last day (yyyy-MM-dd).")
    LocalDate to;

    @Option(
        names = "--rule",
        required = true,
        paramLabel = "RULE",
        description = "When the team meets.")
    String rule;

    @Option(names = "--time", paramLabel = "HH:MM", description = "Start time.")
    String time;

    @Option(
        names = "--capacity",
        paramLabel = "N",
        description =
            "Most cases per meeting; the rest roll over (default: "
                + AgendaBuilder.DEFAULT_CAPACITY
                + ").")
    Integer capacity;

    @Option(names = "--location", paramLabel = "TEXT", description = "Where the team meets.")
    String location;

    Schedule(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ScheduleMeetings.Request request =
          new ScheduleMeetings.Request(
              team, from, to, RecurrenceRule.parse(rule), parseTime(time), capacity, location);
      List<Meeting> created =
          Stores.operation(context, ScheduleMeetings::new).run(request).created();
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
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's meetings.")
    String team;

    @Option(names = "--upcoming", description = "Only meetings from today on.")
    boolean upcoming;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      context
          .printer()
          .table(
              meetingTable(
                  new ListMeetings(context.databaseToRead(), context.clock)
                      .run(new ListMeetings.Request(team, upcoming))
                      .meetings()));
      return 0;
    }
  }

  static Table meetingTable(List<Meeting> meetings) {
    Table table =
        Table.of(
            "id",
            "ID",
            "team",
            "TEAM",
            "date",
            "DATE",
            "time",
            "TIME",
            "location",
            "LOCATION",
            "capacity",
            "CAPACITY",
            "recorded",
            "RECORDED");
    for (Meeting m : meetings) {
      table.row(
          m.id(),
          m.team(),
          m.date(),
          m.time() == null ? null : m.time().toString(),
          m.location(),
          m.capacity(),
          m.recorded());
    }
    return table;
  }

  @Command(
      name = "agenda",
      description = {
        "Build a meeting's agenda: requested cases, new cases, cases with"
            + " follow-ups due, re-reviews (90 days), oldest first, within the meeting's capacity (default "
            + AgendaBuilder.DEFAULT_CAPACITY
            + ").",
        "Cases appear by initials and case number only; a restricted case only by its number."
      })
  static final class AgendaOf implements Callable<Integer> {
    private static final int ROLLED_OVER_SHOWN = 10;

    private final CliContext context;

    @Parameters(paramLabel = "MEETING", description = "The meeting id (see 'mdt review list').")
    long meetingId;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Also write the printable agenda (.pdf).")
    Path out;

    @Option(
        names = "--ics",
        paramLabel = "FILE",
        description = "Also write an iCalendar invitation (.ics).")
    Path ics;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    AgendaOf(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (out != null && !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
        throw MdtException.usage("--out writes a PDF agenda: name it .pdf");
      }
      Outputs outputs = Outputs.check(context, force, List.of(), out, ics);
      BuildAgenda.Result built =
          new BuildAgenda(context.database()).run(new BuildAgenda.Request(meetingId));
      Agenda agenda = built.agenda();
      context
          .printer()
          .result(agendaHeading(agenda.meeting()), agendaJson(agenda), agendaTable(agenda));
      printRolledOver(agenda);
      writeFiles(outputs, built);
      noteCapacity(agenda);
      noteRolledOver(agenda);
      return 0;
    }

    private void writeFiles(Outputs outputs, BuildAgenda.Result built) {
      if (out != null) {
        outputs.write(
            out,
            file ->
                AgendaPdf.write(
                    built.agenda(),
                    built.members(),
                    file,
                    ReportOutput.created(context),
                    warning -> context.info("warning: " + warning)));
        context.info("wrote " + out);
      }
      if (ics != null) {
        PrepareInvitation.Result invitation =
            Stores.operation(context, PrepareInvitation::new)
                .run(new PrepareInvitation.Request(meetingId));
        outputs.write(ics, file -> invitation.invite().write(file, ReportOutput.created(context)));
        context.info("wrote " + ics);
        invitation.notes().forEach(context::info);
      }
    }

    /** The rolled-over cases as a table under the agenda's (the JSON result already lists them). */
    private void printRolledOver(Agenda agenda) {
      if (!agenda.overflow().isEmpty()) {
        Table rolled = Table.of("caseNumber", "CASE", "reason", "REASON", "reasonDetail", "DETAIL");
        agenda
            .overflow()
            .forEach(
                item -> rolled.row(item.facts().caseNumber(), item.reason().code(), item.detail()));
        context
            .printer()
            .section(
                "Rolled over to the next meeting"
                    + (agenda.nextMeeting() == null
                        ? " (none scheduled yet)"
                        : " on " + agenda.nextMeeting())
                    + ": "
                    + agenda.overflow().size()
                    + " case(s)",
                rolled);
      }
    }

    private void noteCapacity(Agenda agenda) {
      if (agenda.defaultCapacity()) {
        context.info(
            "capacity "
                + agenda.capacity()
                + " (default): the meeting was scheduled without --capacity");
      }
    }

    private void noteRolledOver(Agenda agenda) {
      List<String> rolled = agenda.rolledOver();
      if (!rolled.isEmpty()) {
        context.info(
            rolled.size()
                + " case(s) did not fit and roll over to the next meeting"
                + (agenda.nextMeeting() == null
                    ? " (none scheduled yet)"
                    : " on " + agenda.nextMeeting())
                + ": "
                + String.join(", ", rolled.subList(0, Math.min(ROLLED_OVER_SHOWN, rolled.size())))
                + (rolled.size() > ROLLED_OVER_SHOWN
                    ? ", ... (--format json lists them all)"
                    : ""));
      }
    }
  }

  /**
   * The agenda as its JSON contract: the meeting, each case with its open follow-ups, what rolled
   * over.
   */
  static Map<String, Object> agendaJson(Agenda agenda) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Agenda.Item item : agenda.cases()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("caseNumber", item.facts().caseNumber());
      entry.put("initials", item.label());
      entry.put("reason", item.reason().code());
      entry.put("reasonDetail", item.detail());
      entry.put("restricted", item.facts().restricted());
      entry.put(
          "openFollowups",
          Redaction.followups(item.facts().restricted(), item.facts().openFollowups()).stream()
              .map(
                  f -> {
                    Map<String, Object> followup = new LinkedHashMap<>();
                    followup.put("id", f.id());
                    followup.put("action", f.action());
                    followup.put("owner", f.owner());
                    followup.put("discipline", f.discipline());
                    followup.put("due", f.due());
                    return followup;
                  })
              .toList());
      cases.add(entry);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("meeting", meetingJson(agenda.meeting()));
    json.put("cases", cases);
    json.put("rolledOver", agenda.rolledOver());
    json.put("nextMeeting", agenda.nextMeeting());
    json.put("capacity", agenda.capacity());
    json.put("defaultCapacity", agenda.defaultCapacity());
    return json;
  }

  /**
   * The agenda's cases as a table (CSV and terminal): the count of open follow-ups, never their
   * text.
   */
  static Table agendaTable(Agenda agenda) {
    Table table =
        Table.of(
            "caseNumber",
            "CASE",
            "initials",
            "CHILD",
            "reason",
            "REASON",
            "openFollowups",
            "OPEN FOLLOW-UPS",
            "reasonDetail",
            "DETAIL");
    for (Agenda.Item item : agenda.cases()) {
      table.row(
          item.facts().caseNumber(),
          item.label(),
          item.reason().code(),
          item.facts().openFollowups().size(),
          item.detail());
    }
    return table;
  }

  static String agendaHeading(Meeting m) {
    return "Agenda: "
        + m.team()
        + ", "
        + m.date()
        + (m.time() == null ? "" : " " + m.time())
        + (m.location() == null ? "" : ", " + m.location());
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

  @Command(
      name = "request",
      description = "Ask for a case to be discussed at the next meeting (or a given one).")
  static final class Request implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team, when several hold this case number.")
    String team;

    @Option(
        names = "--meeting",
        paramLabel = "M",
        description = "The meeting id (default: the next one).")
    Long meetingId;

    @Option(
        names = "--note",
        paramLabel = "TEXT",
        description = "Why: the agenda shows it beside who asked (not for a restricted case).")
    String note;

    @Option(
        names = "--by",
        paramLabel = "MEMBER",
        description = "The member asking (default: you, the OS user).")
    String by;

    Request(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      RequestReview.Result result =
          Stores.operation(context, RequestReview::new)
              .run(new RequestReview.Request(caseNumber, team, meetingId, note, by));
      context.info(
          result.merged()
              ? "case "
                  + caseNumber
                  + " already has this request pending (request "
                  + result.requestId()
                  + "): merged, not stored twice"
              : "requested review of case " + caseNumber + " (request " + result.requestId() + ")");
      return 0;
    }
  }

  @Command(
      name = "record",
      description = {
        "Record a meeting: who attended, which cases were reviewed, the"
            + " recommendations, and the follow-ups they became."
      })
  static final class Record implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MEETING", description = "The meeting id.")
    long meetingId;

    @Option(
        names = "--attended",
        arity = "1..*",
        required = true,
        paramLabel = "MEMBER",
        description = "Members present: id or exact name.")
    List<String> attended;

    @Option(
        names = "--reviewed",
        arity = "1..*",
        required = true,
        paramLabel = "CASE",
        description = "Case numbers reviewed.")
    List<String> reviewed;

    @Option(
        names = "--recommend",
        arity = "1..*",
        paramLabel = "CASE:TEXT",
        description = "A recommendation.",
        converter = RecommendationValue.class)
    List<RecordMeeting.Recommendation> recommendations = new ArrayList<>();

    @Option(
        names = "--followup",
        arity = "1..*",
        paramLabel = "CASE:OWNER:DUE:TEXT",
        description =
            "A recommendation that becomes a follow-up (DUE yyyy-MM-dd, or empty for none).",
        converter = FollowupValue.class)
    List<RecordMeeting.FollowupRecommendation> followups = new ArrayList<>();

    Record(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      RecordMeeting.Result result =
          Stores.operation(context, RecordMeeting::new)
              .run(
                  new RecordMeeting.Request(
                      meetingId, attended, reviewed, recommendations, followups));
      printMeeting(
          context,
          result.meetingId(),
          result.attended(),
          result.reviewed(),
          result.recommendations(),
          result.followups().size(),
          result.notOnAgenda(),
          result.reviewedBeforeReferral());
      return 0;
    }
  }

  /**
   * What {@code review record} and {@code review amend} print: the meeting's counts, warnings on
   * stderr.
   */
  private static void printMeeting(
      CliContext context,
      long meetingId,
      int attended,
      int reviewed,
      int recommendations,
      int followups,
      List<RecordMeeting.NotOnAgenda> notOnAgenda,
      List<ReviewStore.ReviewBeforeReferral> reviewedBeforeReferral) {
    notOnAgenda.forEach(warning -> context.info("warning: " + warning.message()));
    reviewedBeforeReferral.forEach(review -> context.info("warning: " + review.message()));
    Map<String, Object> printed = new LinkedHashMap<>();
    printed.put("meeting", meetingId);
    printed.put("attended", attended);
    printed.put("reviewed", reviewed);
    printed.put("recommendations", recommendations);
    printed.put("followups", followups);
    context.printer().record(printed);
  }

  @Command(
      name = "amend",
      description = {
        "Correct a recorded meeting: add or take off reviewed cases, members"
            + " present, recommendations and follow-ups. Prints the meeting as it then stands.",
        "A case with recommendations or follow-ups from the meeting is taken off only with"
            + " --remove-recommendations CASE as well."
      })
  static final class Amend implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "MEETING", description = "The meeting id.")
    long meetingId;

    @Option(
        names = "--add-reviewed",
        arity = "1..*",
        paramLabel = "CASE",
        description = "Cases also reviewed.")
    List<String> addReviewed = new ArrayList<>();

    @Option(
        names = "--remove-reviewed",
        arity = "1..*",
        paramLabel = "CASE",
        description = "Cases recorded as reviewed by mistake.")
    List<String> removeReviewed = new ArrayList<>();

    @Option(
        names = "--add-attended",
        arity = "1..*",
        paramLabel = "MEMBER",
        description = "Members also present: id or name.")
    List<String> addAttended = new ArrayList<>();

    @Option(
        names = "--remove-attended",
        arity = "1..*",
        paramLabel = "MEMBER",
        description = "Members recorded as present by mistake: id or name.")
    List<String> removeAttended = new ArrayList<>();

    @Option(
        names = "--recommend",
        arity = "1..*",
        paramLabel = "CASE:TEXT",
        description = "Another recommendation.",
        converter = RecommendationValue.class)
    List<RecordMeeting.Recommendation> recommendations = new ArrayList<>();

    @Option(
        names = "--followup",
        arity = "1..*",
        paramLabel = "CASE:OWNER:DUE:TEXT",
        description =
            "Another recommendation that becomes a follow-up (DUE yyyy-MM-dd, or empty for none).",
        converter = FollowupValue.class)
    List<RecordMeeting.FollowupRecommendation> followups = new ArrayList<>();

    @Option(
        names = "--remove-recommendations",
        arity = "1..*",
        paramLabel = "CASE",
        description =
            "Remove every recommendation the meeting made for the case, and its follow-ups from it.")
    List<String> removeRecommendations = new ArrayList<>();

    Amend(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      AmendMeeting.Result result =
          Stores.operation(context, AmendMeeting::new)
              .run(
                  new AmendMeeting.Request(
                      meetingId,
                      addAttended,
                      removeAttended,
                      addReviewed,
                      removeReviewed,
                      removeRecommendations,
                      recommendations,
                      followups));
      result.followupsRemoved().forEach(id -> context.info("removed follow-up " + id));
      printMeeting(
          context,
          result.meetingId(),
          result.attended(),
          result.reviewed(),
          result.recommendations(),
          result.followups(),
          result.notOnAgenda(),
          result.reviewedBeforeReferral());
      return 0;
    }
  }

  @Command(
      name = "baseline",
      description = {
        "Say what was reviewed before mdt: every case referred before the"
            + " day and not reviewed at a meeting recorded in mdt counts as reviewed by then, so agendas do not list it"
            + " as new; it comes up again for re-review 90 days after the day.",
        "A baseline is no meeting: the NCA, VOCA, monthly and accreditation reports do not count it."
            + " Running it again changes nothing."
      })
  static final class Baseline implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--reviewed-before",
        required = true,
        paramLabel = "D",
        description = "The day by which cases referred before it had been reviewed (yyyy-MM-dd).")
    LocalDate reviewedBefore;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "Only this team's cases (default: every team's).")
    String team;

    Baseline(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReviewStore.Baseline baseline =
          Stores.operation(context, RecordBaseline::new)
              .run(new RecordBaseline.Request(team, reviewedBefore))
              .baseline();
      context.info(
          "marked "
              + baseline.marked()
              + " case(s) referred before "
              + reviewedBefore
              + " as reviewed before mdt; "
              + baseline.alreadyMarked()
              + " already marked, "
              + baseline.reviewedInMdt()
              + " reviewed in mdt (left as they are)");
      Map<String, Object> printed = new LinkedHashMap<>();
      printed.put("reviewedBefore", reviewedBefore);
      printed.put("marked", baseline.marked());
      printed.put("alreadyMarked", baseline.alreadyMarked());
      printed.put("reviewedInMdt", baseline.reviewedInMdt());
      context.printer().record(printed);
      return 0;
    }
  }

  /** {@code --recommend CASE:TEXT}: a case number and the recommendation, which may hold colons. */
  static final class RecommendationValue implements ITypeConverter<RecordMeeting.Recommendation> {
    @Override
    public RecordMeeting.Recommendation convert(String value) {
      String[] parts = split(value, 2, "--recommend CASE:TEXT");
      return new RecordMeeting.Recommendation(parts[0], parts[1]);
    }
  }

  /**
   * {@code --followup CASE:OWNER:DUE:TEXT}: DUE may be empty (no due date); TEXT may hold colons.
   */
  static final class FollowupValue implements ITypeConverter<RecordMeeting.FollowupRecommendation> {
    @Override
    public RecordMeeting.FollowupRecommendation convert(String value) {
      String[] parts = split(value, 4, "--followup CASE:OWNER:DUE:TEXT");
      return new RecordMeeting.FollowupRecommendation(
          parts[0], parts[1], dueDate(parts[2]), parts[3]);
    }

    private static LocalDate dueDate(String text) {
      try {
        return text.isBlank() ? null : LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("due date '" + text + "' is not yyyy-MM-dd");
      }
    }
  }

  /** The colon-separated fields of a compound value; the first and the last must not be blank. */
  private static String[] split(String value, int parts, String form) {
    String[] split = value.split(":", parts);
    if (split.length != parts || split[0].isBlank() || split[parts - 1].isBlank()) {
      throw new TypeConversionException("'" + value + "' is not " + form);
    }
    return split;
  }
}

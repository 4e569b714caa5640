package org.mdt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mdt.MdtException;
import org.mdt.codes.Codes;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import org.mdt.db.Session;
import org.mdt.followup.CloseFollowup;
import org.mdt.followup.FollowupStatus;
import org.mdt.review.Agenda;
import org.mdt.review.BuildAgenda;
import org.mdt.review.Meeting;
import org.mdt.review.RecordMeeting;
import org.mdt.review.RecurrenceRule;
import org.mdt.review.ScheduleMeetings;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job end to end on a fresh database, with the example roster the jar carries. Set-up,
 * import, the first agenda's files and the reports are the mdt commands a coordinator would type,
 * run through the same factory; scheduling and recording the meetings call the operations those
 * commands call (audited under the same command names), so the demo shows (and exercises) exactly
 * what they get.
 */
@Command(
    name = "demo",
    description = {
      "Show the main job end to end on a fresh example database: import the"
          + " example roster, schedule a quarter of reviews, record them with follow-ups, and write every report.",
      "Prints the files it wrote. Never touches your own database."
    })
final class DemoCommand implements Callable<Integer> {
  private static final String TEAM = "Example MDT";
  private static final String ROSTER = "roster-county2-2025.xlsx";
  private static final String MAPPING = "county2.mapping.json";
  private static final String DATABASE = "demo";

  private final CliContext context;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "mdt-demo",
      description =
          "Where to put the demo database, the example roster and the reports (default: ${DEFAULT-VALUE}).")
  Path out;

  private final List<Path> written = new ArrayList<>();

  /**
   * The demo plays the quarter as it happened: each step runs on the day a coordinator would run
   * it.
   */
  private Clock clock;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = out.toAbsolutePath();
    Path database = dir.resolve(DATABASE);
    prepare(dir, DatabaseLocation.of(database.toString(), context.env));
    Path roster = extract(dir, ROSTER);
    Path mapping = extract(dir, MAPPING);

    ZoneId zone = context.clock.getZone();
    clock = at(LocalDate.of(2024, 12, 31), zone);
    step("creating the database", "init");
    step("adding the team and its members", "team", "add", TEAM, "--county", "Example County");
    List<String> members = new ArrayList<>();
    for (String discipline : Codes.REQUIRED_DISCIPLINES) {
      String name = "Example " + discipline.replace('_', ' ');
      members.add(name);
      step(
          null,
          "member",
          "add",
          "--name",
          name,
          "--discipline",
          discipline,
          "--agency",
          "Example agency");
    }
    // --force on every output: prepare() let in only an empty folder or an earlier demo's, whose
    // files these are
    step(
        "importing " + ROSTER,
        "import",
        "roster",
        roster.toString(),
        "--mapping",
        mapping.toString(),
        "--rejects",
        file(dir, "rejects.csv"),
        "--force");
    context.info("scheduling January to March 2025 ...");
    List<Meeting> meetings = onDemoDatabase(this::schedule);
    LocalDate firstDay = meetings.get(0).date();
    step(
        null,
        "review",
        "agenda",
        Long.toString(meetings.get(0).id()),
        "--out",
        file(dir, "agenda-" + firstDay + ".pdf"),
        "--ics",
        file(dir, "agenda-" + firstDay + ".ics"),
        "--force");
    int reviewed = onDemoDatabase(demoDatabase -> recordAll(demoDatabase, meetings, members, zone));
    context.info("recorded the meetings: " + reviewed + " case reviews");
    clock = at(LocalDate.of(2025, 7, 1), zone);
    step(
        "writing the reports",
        "report",
        "nca",
        "--period",
        "2025H1",
        "--out",
        file(dir, "nca-2025H1.pdf"),
        "--force");
    step(
        null,
        "report",
        "voca",
        "--quarter",
        "FY2025Q2",
        "--out",
        file(dir, "voca-FY2025Q2.pdf"),
        "--force");
    step(
        null,
        "report",
        "monthly",
        "--month",
        "2025-06",
        "--out",
        file(dir, "monthly-2025-06.pdf"),
        "--force");
    step(
        null,
        "report",
        "accreditation",
        "--year",
        "2025",
        "--out",
        file(dir, "accreditation-2025.pdf"),
        "--force");
    step(
        null,
        "export",
        "evaluation",
        "--from",
        "2025-01",
        "--to",
        "2025-06",
        "--out",
        file(dir, "evaluation-2025.xlsx"),
        "--records",
        file(dir, "evaluation-records-2025.csv"),
        "--force");

    written.add(
        org.mdt.report.DeidentifiedRecords.notesFile(dir.resolve("evaluation-records-2025.csv")));
    written.add(0, Path.of(database + ".mv.db"));
    Table table = Table.of("file", "FILE", "bytes", "BYTES");
    for (Path path : written) {
      table.row(path.toString(), Files.size(path));
    }
    context.printer().table(table);
    context.info("try: mdt --db " + database + " case list");
    return 0;
  }

  /** A quarter of fortnightly meetings, as {@code mdt review schedule} would create them. */
  private List<Meeting> schedule(Database database) {
    return new ScheduleMeetings(
            new Session(database, clock, context.osUser(), "mdt review schedule"))
        .run(
            new ScheduleMeetings.Request(
                null,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31),
                RecurrenceRule.parse("biweekly:TUE"),
                LocalTime.of(9, 30),
                12,
                "CAC conference room"))
        .created();
  }

  /**
   * Records each meeting as a coordinator would: everyone but one discipline attends, every case on
   * the agenda is reviewed, the first two become follow-ups, and a week later the first owner
   * reports back (the second follow-up stays open). Returns the number of case reviews.
   */
  private int recordAll(
      Database database, List<Meeting> meetings, List<String> members, ZoneId zone) {
    int reviewed = 0;
    for (Meeting meeting : meetings) {
      List<String> cases = new ArrayList<>();
      List<RecordMeeting.FollowupRecommendation> followups = new ArrayList<>();
      LocalDate due = meeting.date().plusDays(14);
      for (Agenda.Item item :
          new BuildAgenda(database).run(new BuildAgenda.Request(meeting.id())).agenda().cases()) {
        String caseNumber = item.facts().caseNumber();
        cases.add(caseNumber);
        if (followups.size() < 2) {
          followups.add(
              new RecordMeeting.FollowupRecommendation(
                  caseNumber, members.get(followups.size()), due, "Share the interview summary"));
        }
      }
      reviewed += cases.size();
      if (followups.isEmpty()) {
        continue; // nothing was due for review
      }
      clock = at(meeting.date(), zone);
      RecordMeeting.Result recorded =
          new RecordMeeting(new Session(database, clock, context.osUser(), "mdt review record"))
              .run(
                  new RecordMeeting.Request(
                      meeting.id(),
                      members.subList(0, members.size() - 1),
                      cases,
                      List.of(),
                      followups));
      clock = at(meeting.date().plusDays(7), zone);
      new CloseFollowup(new Session(database, clock, context.osUser(), "mdt followup done"))
          .run(
              new CloseFollowup.Request(
                  recorded.followups().get(0), FollowupStatus.DONE, "Summary shared"));
    }
    return reviewed;
  }

  /**
   * A directory of an earlier demo is reused (its database replaced); any other non-empty one is
   * refused.
   */
  private static void prepare(Path dir, DatabaseLocation database) throws IOException {
    if (Files.isDirectory(dir) && !database.exists()) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw MdtException.usage(
              dir + " is not empty and holds no earlier demo: give --out a new directory");
        }
      }
    }
    database.createParentDirectory();
    Files.deleteIfExists(dir.resolve(DATABASE + ".mv.db"));
  }

  private Path extract(Path dir, String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = DemoCommand.class.getResourceAsStream("/org/mdt/demo/" + name)) {
      if (in == null) {
        throw new MdtException(MdtException.INTERNAL, "the jar has no demo file " + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    written.add(target);
    return target;
  }

  private String file(Path dir, String name) {
    Path path = dir.resolve(name);
    written.add(path);
    return path.toString();
  }

  /**
   * Runs one mdt command on the demo database; a note first when {@code what} says what it is for.
   */
  private void step(String what, String... args) {
    if (what != null) {
      context.info(what + " ...");
    }
    CliContext step = context.child(new PrintWriter(Writer.nullWriter()), demoEnv(), clock, false);
    List<String> command = new ArrayList<>(List.of("--quiet"));
    command.addAll(List.of(args));
    int code = CommandFactory.execute(step, command.toArray(String[]::new));
    if (code != 0) {
      throw new MdtException(code, "demo step failed: mdt " + String.join(" ", args));
    }
  }

  /**
   * Runs operations on the demo database, opened for them and closed after, so that the next
   * command step can open it.
   */
  private <T> T onDemoDatabase(Function<Database, T> work) {
    try (CliContext demo =
        context.child(new PrintWriter(Writer.nullWriter()), demoEnv(), clock, false)) {
      return work.apply(demo.database());
    }
  }

  /** The user's environment, but with the demo database, which is never encrypted. */
  private Map<String, String> demoEnv() {
    Map<String, String> env = new HashMap<>(context.env);
    env.put("MDT_DB", out.toAbsolutePath().resolve(DATABASE).toString());
    env.remove("MDT_PASSPHRASE_FILE");
    return env;
  }

  /** Mid-morning of {@code day}, when meetings are held. */
  private static Clock at(LocalDate day, ZoneId zone) {
    return Clock.fixed(day.atTime(11, 30).atZone(zone).toInstant(), zone);
  }
}

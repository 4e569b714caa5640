package org.mdt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mdt.MdtException;
import org.mdt.codes.Codes;
import org.mdt.db.DatabaseLocation;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job end to end on a fresh database, with the example roster the jar carries: each step is the
 * mdt command a coordinator would type, run through the same factory, so the demo shows (and exercises)
 * exactly what they get.
 */
@Command(name = "demo", description = {"Show the main job end to end on a fresh example database: import the"
    + " example roster, schedule a quarter of reviews, record them with follow-ups, and write every report.",
    "Prints the files it wrote. Never touches your own database."})
final class DemoCommand implements Callable<Integer> {
  private static final String TEAM = "Example MDT";
  private static final String ROSTER = "roster-county2-2025.xlsx";
  private static final String MAPPING = "county2.mapping.json";
  private static final String DATABASE = "demo";

  private final CliContext context;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "mdt-demo",
      description = "Where to put the demo database, the example roster and the reports (default: ${DEFAULT-VALUE}).")
  Path out;

  private final List<Path> written = new ArrayList<>();
  /** The demo plays the quarter as it happened: each step runs on the day a coordinator would run it. */
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
      step(null, "member", "add", "--name", name, "--discipline", discipline, "--agency", "Example agency");
    }
    // --force on every output: prepare() let in only an empty folder or an earlier demo's, whose files these are
    step("importing " + ROSTER, "import", "roster", roster.toString(), "--mapping", mapping.toString(),
        "--rejects", file(dir, "rejects.csv"), "--force");
    step("scheduling January to March 2025", "review", "schedule", "--from", "2025-01-01", "--to", "2025-03-31",
        "--rule", "biweekly:TUE", "--time", "09:30", "--capacity", "12", "--location", "CAC conference room");
    int reviewed = 0;
    boolean first = true;
    for (JsonNode meeting : json("review", "list")) {
      String id = meeting.path("id").asText();
      List<String> agenda = new ArrayList<>(List.of("review", "agenda", id));
      if (first) {
        agenda.addAll(List.of("--out", file(dir, "agenda-" + meeting.path("date").asText() + ".pdf"), "--ics",
            file(dir, "agenda-" + meeting.path("date").asText() + ".ics"), "--force"));
        first = false;
      }
      List<String> record = new ArrayList<>(List.of("review", "record", id, "--attended"));
      record.addAll(members.subList(0, members.size() - 1)); // one discipline missing, as happens
      record.add("--reviewed");
      List<String> followups = new ArrayList<>();
      LocalDate due = LocalDate.parse(meeting.path("date").asText()).plusDays(14);
      for (JsonNode item : json(agenda.toArray(String[]::new)).path("cases")) {
        String caseNumber = item.path("caseNumber").asText();
        record.add(caseNumber);
        if (followups.size() < 2) {
          followups.add(caseNumber + ":" + members.get(followups.size()) + ":" + due + ":Share the interview summary");
        }
        reviewed++;
      }
      if (followups.isEmpty()) {
        continue; // nothing was due for review
      }
      record.add("--followup");
      record.addAll(followups);
      clock = at(LocalDate.parse(meeting.path("date").asText()), zone);
      step(null, record.toArray(String[]::new));
      // a week later, the first owner reports back; the second follow-up stays open
      JsonNode open = json("followup", "list", "--owner", members.get(0));
      clock = at(LocalDate.parse(meeting.path("date").asText()).plusDays(7), zone);
      for (JsonNode followup : open) {
        if (followup.path("status").asText().equals("open")) {
          step(null, "followup", "done", followup.path("id").asText(), "--note", "Summary shared");
        }
      }
    }
    context.info("recorded the meetings: " + reviewed + " case reviews");
    clock = at(LocalDate.of(2025, 7, 1), zone);
    step("writing the reports", "report", "nca", "--period", "2025H1", "--out", file(dir, "nca-2025H1.pdf"),
        "--force");
    step(null, "report", "voca", "--quarter", "FY2025Q2", "--out", file(dir, "voca-FY2025Q2.pdf"), "--force");
    step(null, "report", "monthly", "--month", "2025-06", "--out", file(dir, "monthly-2025-06.pdf"), "--force");
    step(null, "report", "accreditation", "--year", "2025", "--out", file(dir, "accreditation-2025.pdf"),
        "--force");
    step(null, "export", "evaluation", "--from", "2025-01", "--to", "2025-06",
        "--out", file(dir, "evaluation-2025.xlsx"), "--records", file(dir, "evaluation-records-2025.csv"),
        "--force");

    written.add(org.mdt.report.DeidentifiedRecords.notesFile(dir.resolve("evaluation-records-2025.csv")));
    written.add(0, Path.of(database + ".mv.db"));
    Table table = Table.of("file", "FILE", "bytes", "BYTES");
    for (Path path : written) {
      table.row(path.toString(), Files.size(path));
    }
    context.printer().table(table);
    context.info("try: mdt --db " + database + " case list");
    return 0;
  }

  /** A directory of an earlier demo is reused (its database replaced); any other non-empty one is refused. */
  private static void prepare(Path dir, DatabaseLocation database) throws IOException {
    if (Files.isDirectory(dir) && !database.exists()) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw MdtException.usage(dir + " is not empty and holds no earlier demo: give --out a new directory");
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

  /** Runs one mdt command on the demo database; a note first when {@code what} says what it is for. */
  private String step(String what, String... args) {
    if (what != null) {
      context.info(what + " ...");
    }
    StringWriter captured = new StringWriter();
    Map<String, String> env = new HashMap<>(context.env);
    env.put("MDT_DB", out.toAbsolutePath().resolve(DATABASE).toString());
    env.remove("MDT_PASSPHRASE_FILE");
    CliContext step = context.child(new PrintWriter(captured, true), env, clock, false);
    List<String> command = new ArrayList<>(List.of("--quiet"));
    command.addAll(List.of(args));
    int code = CommandFactory.execute(step, command.toArray(String[]::new));
    if (code != 0) {
      throw new MdtException(code, "demo step failed: mdt " + String.join(" ", args));
    }
    return captured.toString();
  }

  /** Mid-morning of {@code day}, when meetings are held. */
  private static Clock at(LocalDate day, ZoneId zone) {
    return Clock.fixed(day.atTime(11, 30).atZone(zone).toInstant(), zone);
  }

  private JsonNode json(String... args) {
    List<String> command = new ArrayList<>(List.of("--format", "json"));
    command.addAll(List.of(args));
    try {
      return new ObjectMapper().readTree(step(null, command.toArray(String[]::new)));
    } catch (IOException e) {
      throw new MdtException(MdtException.INTERNAL, "demo step printed no JSON: mdt " + String.join(" ", args));
    }
  }
}

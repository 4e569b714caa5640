package org.mdt.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mdt.bench.Measured.Run;
import org.mdt.bench.Measured.Series;

/**
 * Issue 22's benchmark: every row of its table, each run a separate OS process, the median of
 * several runs with peak RSS and heap ({@link Measured}), each import beside H2's floor ({@link
 * H2Floor}) or pandas taken in the same run, printed as one markdown table. Not a test: after the
 * table it exits 1 when a target is missed by more than half ({@link #TOLERANCE}: a 3 s target
 * above 4.5 s, a 1.5x ratio above 2.25x, 5x faster below 3.33x) or a run fails, so a noisy machine
 * passes and a regression does not.
 *
 * <p>{@code mvn -B -Pbench verify -DskipTests} runs it through {@code src/test/bench/run.sh}, which
 * installs pandas first. System properties: {@code bench.rows}, some of {@link #ROWS}
 * comma-separated (default all); {@code bench.runs} (default 3); {@code bench.scale}, multiplying
 * every row count (0.01 for a quick check of the harness); {@code bench.timeout}, the seconds after
 * which a run is stopped and its line fails (default 900). It writes only under target/bench.
 */
public final class Bench {
  private static final List<String> ROWS =
      List.of("import100k", "import20k", "import1m", "commands", "reports", "reimport");

  /** A figure may be this many times its target before the benchmark fails. */
  private static final double TOLERANCE = 1.5;

  private static final String TEAM = "Bench MDT";
  private static final String PASSPHRASE = "violet quarry lantern pebble 4417";
  private static final String PYTHON = "/usr/bin/python3";
  private static final String PANDAS_READ =
      "import sys, pandas as pd; pd.read_excel(sys.argv[1], engine='openpyxl')";
  private static final Pattern FIRST_CASE = Pattern.compile("\"caseNumber\" : \"([^\"]+)\"");

  /** What a line is held to. */
  private enum Goal {
    SECONDS,
    TIMES_FLOOR,
    TIMES_FASTER
  }

  private record Target(Goal goal, double value) {
    String text() {
      return switch (goal) {
        case SECONDS -> String.format(Locale.ROOT, "<= %.2f s", value);
        case TIMES_FLOOR -> String.format(Locale.ROOT, "<= %.1fx floor", value);
        case TIMES_FASTER -> String.format(Locale.ROOT, ">= %.0fx faster than pandas", value);
      };
    }

    /** How many times worse than the target the figure is: 1 or less meets it. */
    double shortfall(double figure) {
      return goal == Goal.TIMES_FASTER ? value / figure : figure / value;
    }
  }

  /**
   * A row of the table: mdt's runs, and those of the floor or peer beside it (null when there is
   * none or it could not run); or the error that stopped it.
   */
  private record Line(
      String work, Target target, Series series, String peerName, Series peer, String error) {
    Double ratio() {
      if (series == null || peer == null || target.goal() == Goal.SECONDS) {
        return null;
      }
      return target.goal() == Goal.TIMES_FASTER
          ? peer.median() / series.median()
          : series.median() / peer.median();
    }

    boolean failed() {
      return error != null || verdict().equals("FAIL");
    }

    String verdict() {
      if (error != null) {
        return "FAIL (error)";
      }
      Double ratio = ratio();
      if (target.goal() != Goal.SECONDS && ratio == null) {
        return "no " + peerName;
      }
      double shortfall = target.shortfall(ratio == null ? series.median() : ratio);
      return shortfall <= 1 ? "met" : shortfall <= TOLERANCE ? "missed, within 50%" : "FAIL";
    }

    List<String> cells() {
      Double ratio = ratio();
      String peerCell =
          peer != null
              ? String.format(Locale.ROOT, "%s %.2f s", peerName, peer.median())
              : target.goal() == Goal.TIMES_FASTER ? peerName + ": unavailable" : "";
      return List.of(
          work,
          series == null ? "" : String.format(Locale.ROOT, "%.2f", series.median()),
          series == null
              ? ""
              : String.format(
                  Locale.ROOT, "%d (%.2f–%.2f)", series.runs().size(), series.min(), series.max()),
          series == null ? "" : megabytes(series.rssMb()),
          series == null ? "" : megabytes(series.heapMb()),
          target.text(),
          peerCell,
          ratio == null ? "" : String.format(Locale.ROOT, "%.2fx", ratio),
          verdict());
    }

    private static String megabytes(double mb) {
      return Double.isNaN(mb) ? "–" : String.format(Locale.ROOT, "%.0f", mb);
    }
  }

  private final Path target;
  private final Path dir;
  private final Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
  private final int runs;
  private final double scale;
  private final Measured measured;
  private final List<Line> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** The database the 100,000-row import left, which the re-import imports into again. */
  private Path imported;

  private Bench(Path target, int runs, double scale, Duration timeout) throws IOException {
    this.target = target;
    this.dir = Files.createDirectories(target.resolve("bench"));
    this.runs = runs;
    this.scale = scale;
    this.measured = new Measured(dir.resolve("last-run"), timeout);
    // made by this build's mdt in each run: an older one's schema would need 'mdt init'
    Files.deleteIfExists(dir.resolve("empty.mv.db"));
  }

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
    String selected = System.getProperty("bench.rows", "all");
    List<String> rows =
        selected.isBlank() || selected.equals("all")
            ? ROWS
            : Arrays.stream(selected.split(",")).map(String::trim).toList();
    for (String row : rows) {
      if (!ROWS.contains(row)) {
        throw new IllegalArgumentException(
            "bench.rows: unknown row " + row + "; the rows are " + String.join(",", ROWS));
      }
    }
    Bench bench =
        new Bench(
            target,
            Integer.getInteger("bench.runs", 3),
            Double.parseDouble(System.getProperty("bench.scale", "1")),
            Duration.ofSeconds(Long.getLong("bench.timeout", 900)));
    String machine = bench.machine();
    System.out.println(machine);
    // A long run stopped by a signal still shows what it measured.
    Thread stopped =
        new Thread(
            () -> {
              try {
                bench.measured.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              System.out.println("\nstopped by a signal: the lines measured so far");
              bench.print(machine);
            });
    Runtime.getRuntime().addShutdownHook(stopped);
    boolean setupFailed = false;
    for (String row : ROWS) {
      if (rows.contains(row)) {
        System.out.println(row + ":");
        try {
          bench.row(row);
        } catch (Exception e) {
          setupFailed = true;
          bench.note(row + ": set-up failed, not measured: " + e);
        }
      }
    }
    Runtime.getRuntime().removeShutdownHook(stopped);
    bench.print(machine);
    System.exit(setupFailed || bench.lines.stream().anyMatch(Line::failed) ? 1 : 0);
  }

  private void row(String row) throws Exception {
    switch (row) {
      case "import100k" -> imported = importBesideFloor(rows(100_000), "xlsx", List.of());
      case "import20k" -> importBesidePandas(rows(20_000));
      case "import1m" -> importBesideFloor(rows(1_000_000), "csv", List.of("-Xmx256m"));
      case "commands" -> commands();
      case "reports" -> reports();
      case "reimport" -> reimport(rows(100_000));
      default -> throw new IllegalArgumentException(row);
    }
  }

  /**
   * Imports a roster into a fresh database and runs the floor for as many rows, alternately, so
   * both see the same machine; the database the last import left, null if one failed.
   */
  private Path importBesideFloor(int rows, String extension, List<String> jvmOptions)
      throws IOException {
    Path roster = roster(rows, extension);
    Path db = dir.resolve("import-" + roster.getFileName());
    String work =
        String.format(
            Locale.ROOT,
            "import a %,d-row %s into a fresh database%s",
            rows,
            extension,
            jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")");
    boolean measured =
        line(
            work,
            new Target(Goal.TIMES_FLOOR, 1.5),
            "floor",
            () -> {
              List<Run> mdt = new ArrayList<>();
              List<Run> floor = new ArrayList<>();
              List<String> floorCommand =
                  List.of(
                      javaCommand.toString(),
                      "-cp",
                      jar() + ":" + testClasses(),
                      H2Floor.class.getName(),
                      dir.resolve("floor").toString(),
                      Integer.toString(rows));
              for (int run = 1; run <= runs; run++) {
                floor.add(measure("H2 floor", run, floorCommand, Map.of(), jvmOptions));
                freshDatabase(db);
                mdt.add(measure("mdt", run, importCommand(db, roster), Map.of(), jvmOptions));
              }
              return List.of(new Series(mdt), new Series(floor));
            });
    return measured ? db : null;
  }

  /** Imports the roster into a fresh database, and pandas reads it, alternately. */
  private void importBesidePandas(int rows) throws IOException, InterruptedException {
    Path roster = roster(rows, "xlsx");
    Path db = dir.resolve("import-" + roster.getFileName());
    String pandas = pandasVersion();
    if (pandas == null) {
      note("pandas: unavailable (" + PYTHON + " cannot import pandas and openpyxl)");
    }
    line(
        String.format(
            Locale.ROOT,
            "import a %,d-row xlsx into a fresh database, beside pandas only reading it",
            rows),
        new Target(Goal.TIMES_FASTER, 5),
        "pandas",
        () -> {
          List<Run> mdt = new ArrayList<>();
          List<Run> peer = new ArrayList<>();
          for (int run = 1; run <= runs; run++) {
            if (pandas != null) {
              List<String> read = List.of(PYTHON, "-c", PANDAS_READ, roster.toString());
              peer.add(measure("pandas read_excel", run, read, Map.of(), null));
            }
            freshDatabase(db);
            mdt.add(measure("mdt", run, importCommand(db, roster), Map.of(), List.of()));
          }
          return Arrays.asList(new Series(mdt), pandas == null ? null : new Series(peer));
        });
  }

  /**
   * The commands a coordinator types all day, on the demo's database (one team, a quarter of
   * reviews) and on an encrypted copy of it, through the launcher when the build made one.
   */
  private void commands() throws IOException, InterruptedException {
    Path small = dir.resolve("small");
    deleteTree(small);
    setup(jar("demo", "--out", small.toString(), "-q"), Map.of());
    Path plain = small.resolve("demo");
    Path encrypted = small.resolve("encrypted");
    Files.copy(Path.of(plain + ".mv.db"), Path.of(encrypted + ".mv.db"));
    Path passphrase = small.resolve("passphrase");
    Files.writeString(passphrase, PASSPHRASE + "\n");
    Files.setPosixFilePermissions(passphrase, PosixFilePermissions.fromString("rw-------"));
    Map<String, String> unlock = Map.of("MDT_PASSPHRASE_FILE", passphrase.toString());
    setup(
        jar(
            "--db",
            encrypted.toString(),
            "rekey",
            "--new-passphrase-file",
            passphrase.toString(),
            "-q"),
        Map.of());
    String cases =
        setup(jar("--db", plain.toString(), "case", "list", "--format", "json"), Map.of());
    Matcher first = FIRST_CASE.matcher(cases);
    if (!first.find()) {
      throw new IllegalStateException("the demo database has no case");
    }
    List<List<String>> commands =
        List.of(
            List.of("team", "list"),
            List.of("case", "list"),
            List.of("case", "show", first.group(1)),
            List.of("followup", "list"));
    for (boolean encrypt : new boolean[] {false, true}) {
      for (List<String> command : commands) {
        List<String> full =
            new ArrayList<>(List.of("--db", (encrypt ? encrypted : plain).toString()));
        full.addAll(command);
        String work =
            "`" + String.join(" ", command) + "`, " + (encrypt ? "encrypted " : "") + "small db";
        line(
            work,
            new Target(Goal.SECONDS, encrypt ? 0.8 : 0.35),
            null,
            () -> alone(work, mdt(full), encrypt ? unlock : Map.of()));
      }
    }
    note(
        "mdt ran through "
            + (launcher() != null ? "target/mdt (the launcher)" : "java -jar target/mdt.jar")
            + " on the demo's database (mdt demo: one team, "
            + FIRST_CASE.matcher(cases).results().count()
            + " cases) and an encrypted copy (Argon2id key derivation included)");
  }

  /** Every report over a database of {@link ReportBenchmark}'s shape. */
  private void reports() throws Exception {
    int rows = rows(1_000_000);
    Path db = dir.resolve("reports-" + rows);
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    setup(jar("--db", db.toString(), "init", "-q"), Map.of());
    ReportBenchmark.fill(db, rows);
    Path out = Files.createDirectories(dir.resolve("out"));
    String team = "Team 7";
    String over = String.format(Locale.ROOT, " over %,d rows", rows);
    report(
        "NCA 2025H1, one team (PDF)" + over,
        db,
        "report",
        "nca",
        "--period",
        "2025H1",
        "--team",
        team,
        "--out",
        out.resolve("nca.pdf").toString(),
        "--force");
    report("NCA 2025H1, all teams" + over, db, "report", "nca", "--period", "2025H1");
    report("VOCA FY2025Q3, all teams" + over, db, "report", "voca", "--quarter", "FY2025Q3");
    report("monthly 2025-10, all teams" + over, db, "report", "monthly", "--month", "2025-10");
    report(
        "accreditation 2025, all teams (PDF)" + over,
        db,
        "report",
        "accreditation",
        "--year",
        "2025",
        "--out",
        out.resolve("accreditation.pdf").toString(),
        "--force");
    report(
        "evaluation export 2025" + over,
        db,
        "export",
        "evaluation",
        "--from",
        "2025-01",
        "--to",
        "2025-12",
        "--out",
        out.resolve("evaluation.csv").toString(),
        "--force");
    note(
        "reports: "
            + ReportBenchmark.TEAMS
            + " teams, 2021-2025, written straight into the database (see ReportBenchmark);"
            + " one team is "
            + team);
  }

  private void report(String work, Path db, String... args) {
    List<String> command = new ArrayList<>(List.of("--db", db.toString(), "-q"));
    command.addAll(List.of(args));
    line(work, new Target(Goal.SECONDS, 3), null, () -> alone(args[1], mdt(command), Map.of()));
  }

  /**
   * The same roster again into the database the first import made: nothing changes. Each run starts
   * from a copy of that database, so each is the first import of the file again, never a repeat of
   * the run before it.
   */
  private void reimport(int rows) throws IOException {
    Path roster = roster(rows, "xlsx");
    line(
        String.format(Locale.ROOT, "re-import the same %,d rows (nothing changes)", rows),
        new Target(Goal.SECONDS, 1.5),
        null,
        () -> {
          if (imported == null) {
            imported = dir.resolve("import-" + roster.getFileName());
            freshDatabase(imported);
            setup(importCommand(imported, roster), Map.of());
          }
          Path again = dir.resolve("reimport");
          List<Run> series = new ArrayList<>();
          for (int run = 1; run <= runs; run++) {
            Files.copy(
                Path.of(imported + ".mv.db"),
                Path.of(again + ".mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
            series.add(measure("mdt", run, importCommand(again, roster), Map.of(), List.of()));
          }
          return Arrays.asList(new Series(series), null);
        });
  }

  /**
   * Measures one line: {@code body} returns mdt's series and the floor's or peer's (null for none);
   * an exception becomes a failed line (false), and the next line still runs.
   */
  private boolean line(String work, Target target, String peerName, Callable<List<Series>> body) {
    try {
      List<Series> series = body.call();
      add(new Line(work, target, series.get(0), peerName, series.get(1), null));
      return true;
    } catch (Exception e) {
      System.out.println("  failed: " + e.getMessage());
      note(work + ": " + e.getMessage());
      add(new Line(work, target, null, peerName, null, e.getMessage()));
      return false;
    }
  }

  /** The runs of one mdt command, a line's series with no floor or peer beside it. */
  private List<Series> alone(String label, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    List<Run> series = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      series.add(measure(label, run, command, env, List.of()));
    }
    return Arrays.asList(new Series(series), null);
  }

  private Run measure(
      String label, int run, List<String> command, Map<String, String> env, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Run measure = measured.run(command, env, jvmOptions);
    System.out.printf(
        Locale.ROOT,
        "  %s, run %d of %d: %.2f s, RSS %s MB, heap %s MB%n",
        label,
        run,
        runs,
        measure.seconds(),
        Line.megabytes(measure.rssMb()),
        Line.megabytes(measure.heapMb()));
    return measure;
  }

  private List<String> importCommand(Path db, Path roster) {
    return mdt(List.of("--db", db.toString(), "import", "roster", roster.toString(), "-q"));
  }

  /**
   * A copy of a database with one team and nothing else, made once: an import's own figures, not
   * two start-ups of set-up.
   */
  private void freshDatabase(Path db) throws IOException, InterruptedException {
    Path empty = dir.resolve("empty");
    if (!Files.exists(Path.of(empty + ".mv.db"))) {
      setup(jar("--db", empty.toString(), "init", "-q"), Map.of());
      setup(jar("--db", empty.toString(), "team", "add", TEAM, "-q"), Map.of());
    }
    Files.copy(
        Path.of(empty + ".mv.db"), Path.of(db + ".mv.db"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The roster of that many rows, generated once: the same rows for the same size. */
  private Path roster(int rows, String extension) throws IOException {
    Path file = dir.resolve("roster-" + rows + "." + extension);
    if (!Files.exists(file)) {
      System.out.printf(Locale.ROOT, "  generating %s%n", file.getFileName());
      Path partial = dir.resolve(file.getFileName() + ".partial");
      if (extension.equals("xlsx")) {
        ImportBenchmark.writeXlsx(partial, rows);
      } else {
        ImportBenchmark.writeCsv(partial, rows);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private int rows(int full) {
    return (int) Math.max(1, Math.round(full * scale));
  }

  private Path jar() {
    return target.resolve("mdt.jar");
  }

  private List<String> jar(String... args) {
    return jar(List.of(args));
  }

  private List<String> jar(List<String> args) {
    List<String> command =
        new ArrayList<>(List.of(javaCommand.toString(), "-jar", jar().toString()));
    command.addAll(args);
    return command;
  }

  /** The launcher script the build makes (with its class-data archive), else null. */
  private Path launcher() {
    Path launcher = target.resolve("mdt");
    return Files.isRegularFile(launcher) && Files.isExecutable(launcher) ? launcher : null;
  }

  /** mdt as a user types it: the launcher when there is one, else {@code java -jar}. */
  private List<String> mdt(List<String> args) {
    if (launcher() == null) {
      return jar(args);
    }
    List<String> command = new ArrayList<>(List.of(launcher().toString()));
    command.addAll(args);
    return command;
  }

  private static Path testClasses() {
    try {
      return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a set-up step, not measured; its stdout. */
  private static String setup(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue());
    }
    return out;
  }

  /** pandas's and openpyxl's versions from Debian's python, or null when it has not got them. */
  private static String pandasVersion() throws IOException, InterruptedException {
    try {
      return "pandas "
          + setup(
                  List.of(
                      PYTHON,
                      "-c",
                      "import pandas, openpyxl;"
                          + " print(pandas.__version__, '+ openpyxl', openpyxl.__version__)"),
                  Map.of())
              .trim();
    } catch (IllegalStateException | IOException e) {
      return null;
    }
  }

  private String machine() throws IOException, InterruptedException {
    String cpu = "";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu =
          lines
              .filter(line -> line.startsWith("model name"))
              .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      // not Linux: the core count alone
    }
    String memory = "";
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      memory =
          lines
              .filter(line -> line.startsWith("MemTotal:"))
              .map(
                  line ->
                      String.format(
                          Locale.ROOT,
                          ", %.1f GB RAM",
                          Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      // not Linux: no RAM figure
    }
    String load = "";
    try {
      load = ", load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at start";
    } catch (IOException e) {
      // not Linux
    }
    String pandas = pandasVersion();
    return String.format(
        Locale.ROOT,
        "Machine: %d cores%s%s, JDK %s %s, %s %s%s. Scale %s, runs per line: %d; commands through %s;"
            + " %s; peak RSS and heap are the largest of the runs (GNU time %%M; the GC log).",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memory,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        load,
        scale == 1 ? "1 (full size)" : Double.toString(scale),
        runs,
        launcher() != null ? "target/mdt (the launcher)" : "java -jar target/mdt.jar",
        pandas == null ? "pandas: unavailable" : pandas);
  }

  // The shutdown hook prints from another thread: lines and notes change under this lock.
  private synchronized void add(Line line) {
    lines.add(line);
  }

  private synchronized void note(String note) {
    notes.add(note);
  }

  private synchronized void print(String machine) {
    System.out.println();
    System.out.println(machine);
    System.out.println();
    System.out.print(table());
    notes.forEach(note -> System.out.println("- " + note));
  }

  private String table() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "work",
            "median s",
            "runs (min–max)",
            "peak RSS MB",
            "peak heap MB",
            "target",
            "floor/peer",
            "ratio",
            "verdict"));
    lines.forEach(line -> rows.add(line.cells()));
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      table.append('|');
      for (int c = 0; c < widths.length; c++) {
        String cell = rows.get(r).get(c);
        boolean number = c > 0 && c < 5;
        String padding = " ".repeat(widths[c] - cell.length());
        table.append(' ').append(number ? padding + cell : cell + padding).append(" |");
      }
      table.append('\n');
      if (r == 0) {
        table.append('|');
        for (int c = 0; c < widths.length; c++) {
          table.append(
              c > 0 && c < 5 ? "-".repeat(widths[c] + 1) + ":" : "-".repeat(widths[c] + 2));
          table.append('|');
        }
        table.append('\n');
      }
    }
    return table.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

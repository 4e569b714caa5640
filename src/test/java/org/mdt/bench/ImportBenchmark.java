package org.mdt.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Imports a generated 100,000-row xlsx and a 1,000,000-row csv with the shaded jar, each in its own
 * 256 MB JVM, and reports wall time, rows per second and the heap the GC log shows. Not a test:
 * {@code mvn -B -Pbench verify} runs it after the jar is built.
 */
public final class ImportBenchmark {
  private static final String[] HEADER = {
    "Case #",
    "Date Referred",
    "Referred By",
    "Child First",
    "Child Last",
    "DOB",
    "Sex",
    "Race/Ethnicity",
    "Allegation(s)",
    "Alleged Offender Relationship",
    "AO Age",
    "FI Date",
    "Medical Exam",
    "MH Referral",
    "Advocacy Date",
    "LE Agency",
    "Status",
    "Notes",
    "Language",
    "DCF Case #"
  };
  private static final String[] FIRST = {
    "Ava", "Leo", "Mia", "Omar", "Zoë", "José", "Liam", "Grace", "Noah", "Maya"
  };
  private static final String[] LAST = {
    "Núñez", "Davis", "Clark", "Hall", "Lee", "Cruz", "Perez", "Walker"
  };
  private static final String[] GENDER = {"F", "M", "Female", "male", "U", "Nonbinary"};
  private static final String[] RACE = {
    "White", "Black", "Hispanic", "Asian", "Two or more", "Declined"
  };
  private static final String[] ABUSE = {
    "CSA", "PA", "Neglect", "DV Exposure", "CSA; PA", "DMST", "CSAM"
  };
  private static final String[] RELATION = {
    "Father", "Mother", "Uncle", "Coach", "Neighbor", "Stranger"
  };

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "target");
    Path jar = target.resolve("mdt.jar");
    Path dir = Files.createDirectories(target.resolve("bench"));
    Path xlsx = dir.resolve("roster-100k.xlsx");
    Path csv = dir.resolve("roster-1m.csv");
    if (!Files.exists(xlsx)) {
      writeXlsx(xlsx, 100_000);
    }
    if (!Files.exists(csv)) {
      writeCsv(csv, 1_000_000);
    }
    System.out.printf(
        "machine: %d cores; each import is java -Xmx%s -jar %s, as a user runs it%n",
        Runtime.getRuntime().availableProcessors(), HEAP, jar);
    measure(jar, dir, xlsx, 100_000);
    measure(jar, dir, csv, 1_000_000);
  }

  private static final String HEAP = "256m";

  /** A G1 log line's "before->after(committed)" heap figures. */
  private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private static void measure(Path jar, Path dir, Path roster, int rows)
      throws IOException, InterruptedException {
    Path db = dir.resolve("db-" + roster.getFileName());
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    mdt(jar, db, null, "init", "-q");
    mdt(jar, db, null, "team", "add", "Bench MDT", "-q");
    Path gcLog = dir.resolve("gc-" + roster.getFileName() + ".log");
    long start = System.nanoTime();
    String summary =
        mdt(jar, db, gcLog, "import", "roster", roster.toString(), "--format", "json", "-q");
    double seconds = (System.nanoTime() - start) / 1e9;
    int peakBeforeGc = 0;
    int peakLive = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_HEAP.matcher(line);
      if (m.find()) {
        peakBeforeGc = Math.max(peakBeforeGc, Integer.parseInt(m.group(1)));
        peakLive = Math.max(peakLive, Integer.parseInt(m.group(2)));
      }
    }
    System.out.printf(
        "%s: %,d rows (%.1f MB) in %.2f s end to end = %,.0f rows/s; heap peak %d MB before GC,"
            + " %d MB live after GC (cap %s)%n  %s%n",
        roster.getFileName(),
        rows,
        Files.size(roster) / 1e6,
        seconds,
        rows / seconds,
        peakBeforeGc,
        peakLive,
        HEAP,
        summary.replaceAll("\\s+", " ").trim());
  }

  private static String mdt(Path jar, Path db, Path gcLog, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP));
    if (gcLog != null) {
      command.add("-Xlog:gc:file=" + gcLog);
    }
    command.addAll(List.of("-jar", jar.toString(), "--db", db.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "mdt " + String.join(" ", args) + " exited " + process.exitValue());
    }
    return out;
  }

  private static List<Object> row(Random random, int i) {
    LocalDate referral = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1800));
    LocalDate dob = referral.minusDays(365L + random.nextInt(17 * 365));
    return List.of(
        "B-" + i,
        referral,
        pick(random, new String[] {"DCF", "Police", "School", "Medical"}),
        pick(random, FIRST),
        pick(random, LAST),
        dob,
        pick(random, GENDER),
        pick(random, RACE),
        pick(random, ABUSE),
        pick(random, RELATION),
        11 + random.nextInt(50),
        referral.plusDays(random.nextInt(20)),
        referral.plusDays(random.nextInt(30)),
        referral.plusDays(random.nextInt(40)),
        referral.plusDays(random.nextInt(10)),
        "Town PD",
        random.nextBoolean() ? "Open" : "Closed",
        "synthetic row " + i,
        "English",
        "DCF-" + (100000 + i));
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  static void writeXlsx(Path file, int rows) throws IOException {
    Random random = new Random(1);
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "mdt-bench", "1.0");
      Worksheet ws = workbook.newWorksheet("Roster");
      ws.value(0, 0, "Synthetic bench roster");
      for (int c = 0; c < HEADER.length; c++) {
        ws.value(2, c, HEADER[c]);
      }
      for (int r = 0; r < rows; r++) {
        List<Object> row = row(random, r);
        for (int c = 0; c < row.size(); c++) {
          Object value = row.get(c);
          if (value instanceof LocalDate date) {
            ws.value(r + 3, c, date);
          } else if (value instanceof Number number) {
            ws.value(r + 3, c, number);
          } else {
            ws.value(r + 3, c, (String) value);
          }
        }
        if (r % 10_000 == 0) {
          ws.flush();
        }
      }
      workbook.finish();
    }
  }

  /** A synthetic roster of the given size, the same for the same size. */
  public static void writeCsv(Path file, int rows) throws IOException {
    Random random = new Random(2);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", HEADER));
      out.write("\r\n");
      for (int r = 0; r < rows; r++) {
        List<Object> row = row(random, r);
        for (int c = 0; c < row.size(); c++) {
          if (c > 0) {
            out.write(',');
          }
          String text = row.get(c).toString();
          out.write(text.contains(",") || text.contains(";") ? "\"" + text + "\"" : text);
        }
        out.write("\r\n");
      }
    }
  }
}

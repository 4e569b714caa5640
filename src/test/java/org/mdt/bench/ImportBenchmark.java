package org.mdt.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.mdt.cli.CliContext;
import org.mdt.cli.CommandFactory;
import org.mdt.roster.ImportListener;

/**
 * Imports a generated 100,000-row xlsx and a 1,000,000-row csv and reports wall time, rows per second and
 * peak heap. Not a test: {@code mvn -Pbench verify} runs it (heap capped at 256 MB by the pom), and so
 * can {@code java -Xmx256m -cp ... org.mdt.bench.ImportBenchmark DIR}.
 */
public final class ImportBenchmark {
  private static final String[] HEADER = {"Case #", "Date Referred", "Referred By", "Child First", "Child Last", "DOB",
      "Sex", "Race/Ethnicity", "Allegation(s)", "Alleged Offender Relationship", "AO Age", "FI Date", "Medical Exam",
      "MH Referral", "Advocacy Date", "LE Agency", "Status", "Notes", "Language", "DCF Case #"};
  private static final String[] FIRST = {"Ava", "Leo", "Mia", "Omar", "Zoë", "José", "Liam", "Grace", "Noah", "Maya"};
  private static final String[] LAST = {"Núñez", "Davis", "Clark", "Hall", "Lee", "Cruz", "Perez", "Walker"};
  private static final String[] GENDER = {"F", "M", "Female", "male", "U", "Nonbinary"};
  private static final String[] RACE = {"White", "Black", "Hispanic", "Asian", "Two or more", "Declined"};
  private static final String[] ABUSE = {"CSA", "PA", "Neglect", "DV Exposure", "CSA; PA", "DMST", "CSAM"};
  private static final String[] RELATION = {"Father", "Mother", "Uncle", "Coach", "Neighbor", "Stranger"};

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target").resolve("bench"));
    Path xlsx = dir.resolve("roster-100k.xlsx");
    Path csv = dir.resolve("roster-1m.csv");
    if (!Files.exists(xlsx)) {
      writeXlsx(xlsx, 100_000);
    }
    if (!Files.exists(csv)) {
      writeCsv(csv, 1_000_000);
    }
    System.out.printf("machine: %d cores, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    measure(dir, xlsx, 100_000);
    measure(dir, csv, 1_000_000);
  }

  private static void measure(Path dir, Path roster, int rows) throws IOException {
    Path db = dir.resolve("db-" + roster.getFileName());
    Files.deleteIfExists(Path.of(db + ".mv.db"));
    run(db, "init", "-q");
    run(db, "team", "add", "Bench MDT", "-q");
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    String summary = run(db, "import", "roster", roster.toString(), "--format", "json", "-q");
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("%s: %d rows (%.1f MB) in %.2f s = %.0f rows/s, peak heap %d MB%n  %s%n",
        roster.getFileName(), rows, Files.size(roster) / 1e6, seconds, rows / seconds, peakHeap >> 20,
        summary.replaceAll("\\s+", " "));
  }

  private static String run(Path db, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(out), new PrintWriter(err),
        Map.of("MDT_DB", db.toString()), Clock.systemDefaultZone(), false, ImportListener.NONE);
    int code = CommandFactory.execute(context, args);
    if (code != 0) {
      throw new IllegalStateException("mdt " + String.join(" ", args) + " exited " + code + ": " + err);
    }
    return out.toString();
  }

  private static List<Object> row(Random random, int i) {
    LocalDate referral = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1800));
    LocalDate dob = referral.minusDays(365L + random.nextInt(17 * 365));
    return List.of("B-" + i, referral, pick(random, new String[] {"DCF", "Police", "School", "Medical"}),
        pick(random, FIRST), pick(random, LAST), dob, pick(random, GENDER), pick(random, RACE), pick(random, ABUSE),
        pick(random, RELATION), 11 + random.nextInt(50), referral.plusDays(random.nextInt(20)),
        referral.plusDays(random.nextInt(30)), referral.plusDays(random.nextInt(40)),
        referral.plusDays(random.nextInt(10)), "Town PD", random.nextBoolean() ? "Open" : "Closed",
        "synthetic row " + i, "English", "DCF-" + (100000 + i));
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

  static void writeCsv(Path file, int rows) throws IOException {
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

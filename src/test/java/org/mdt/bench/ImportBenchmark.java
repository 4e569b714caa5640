package org.mdt.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The benchmark's rosters: county-shaped rows (a county's own header names; in the xlsx a title
 * above the header and dates as spreadsheet dates) from a fixed seed, so the same size gives the
 * same file. {@link Bench} imports them.
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

  /** A synthetic xlsx roster of the given size, the same for the same size. */
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

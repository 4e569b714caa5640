package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.SharedData;

/**
 * Mutated rosters (truncated, bit-flipped, bytes overwritten with noise, blocks repeated) each end in exit 0
 * or 3 with no stack trace, never a hang or another exit code. The seed is fixed so a failure replays.
 */
class FuzzImportTest {
  private static final int XLSX_CASES = 1200;
  private static final int CSV_CASES = 1200;

  @TempDir Path dir;

  @Test
  void mutatedXlsxAndCsvEndInZeroOrThree() throws Exception {
    Mdt mdt = new Mdt(dir).withTeam("Fuzz MDT");
    byte[] xlsx = Files.readAllBytes(SharedData.file("county-2025.xlsx"));
    byte[] csv = Files.readAllBytes(SharedData.file("county-2025-cp1252.csv"));
    Random random = new Random(20261121);
    int tried = 0;
    int imported = 0;
    for (int i = 0; i < XLSX_CASES + CSV_CASES; i++) {
      boolean isXlsx = i < XLSX_CASES;
      byte[] mutated = mutate(isXlsx ? xlsx : csv, random);
      Path file = Files.write(dir.resolve("fuzz-" + i + (isXlsx ? ".xlsx" : ".csv")), mutated);
      Mdt.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> mdt.run("import", "roster", file.toString(), "-q"), "case " + i + " hung");
      assertTrue(result.code() == 0 || result.code() == 3, "case " + i + " exited " + result.code() + ": " + result.err());
      assertFalse(result.err().contains("\tat "), "case " + i + " printed a stack trace: " + result.err());
      if (result.code() == 3) {
        assertTrue(result.errLines().length == 1, "case " + i + ": one line, not: " + result.err());
      } else {
        imported++;
      }
      Files.delete(file);
      tried++;
    }
    System.out.printf("fuzz: %d mutated rosters tried (%d xlsx, %d csv); %d imported, %d refused with exit 3%n",
        tried, XLSX_CASES, CSV_CASES, imported, tried - imported);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(5)) {
      case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncated
      case 1 -> { // a few bits flipped
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          int at = random.nextInt(bytes.length);
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 2 -> { // a run of noise
        int at = random.nextInt(bytes.length);
        for (int k = at; k < Math.min(bytes.length, at + 1 + random.nextInt(256)); k++) {
          bytes[k] = (byte) random.nextInt(256);
        }
      }
      case 3 -> { // a block repeated
        int at = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(4096));
        byte[] grown = Arrays.copyOf(bytes, bytes.length + length);
        System.arraycopy(bytes, at, grown, at + length, bytes.length - at);
        bytes = grown;
      }
      default -> { // pure noise of the same length
        random.nextBytes(bytes);
      }
    }
    return bytes;
  }
}

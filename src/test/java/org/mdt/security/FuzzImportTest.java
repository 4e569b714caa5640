package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdt.Mdt;
import org.mdt.SharedData;
import org.mdt.roster.SameFileAgain;

/**
 * Mutated rosters (truncated, bit-flipped, bytes overwritten with noise, blocks repeated) each end
 * in exit 0 or 3 with no stack trace, never a hang or another exit code; one imported, imported
 * again, gives the outcome reading its rows would. The seed is fixed so a failure replays.
 *
 * <p>A build runs the first {@value #SAMPLE_ROSTERS} mutations of each format, every shape among
 * them; the {@code fuzz} profile ({@code mvn -Pfuzz}, which CI runs too) sets {@code mdt.fuzz.full}
 * to run {@value #FULL_ROSTERS}. Each format draws from its own stream of the seed, so the sample
 * is exactly the start of the full run and case {@code xlsx 17} is the same file in both.
 */
class FuzzImportTest {
  private static final int SAMPLE_ROSTERS = 150;
  private static final int FULL_ROSTERS = 1200;
  private static final long SEED = 20261121;

  /**
   * The sample imports every so many of its imported mutations again, checking the recorded outcome
   * against reading the rows; the full run checks every one.
   */
  private static final int REPLAY_EVERY = 10;

  /** The ways a file is damaged, taken in turn so that any run of five or more has every one. */
  private enum Mutation {
    TRUNCATED,
    BITS_FLIPPED,
    NOISE_RUN,
    BLOCK_REPEATED,
    ALL_NOISE
  }

  @TempDir Path dir;

  private boolean full;

  @Test
  void mutatedXlsxAndCsvEndInZeroOrThree() throws Exception {
    full = Boolean.getBoolean("mdt.fuzz.full");
    int rosters = full ? FULL_ROSTERS : SAMPLE_ROSTERS;
    Mdt mdt = new Mdt(dir).withTeam("Fuzz MDT");
    Map<Mutation, Integer> tried = new EnumMap<>(Mutation.class);
    int imported =
        fuzz(mdt, SharedData.file("county-2025.xlsx"), "xlsx", rosters, tried)
            + fuzz(mdt, SharedData.file("county-2025-cp1252.csv"), "csv", rosters, tried);
    System.out.printf(
        "fuzz: %d mutated rosters tried (%d xlsx, %d csv: %s); %d imported, %d refused with exit 3%n",
        2 * rosters, rosters, rosters, tried, imported, 2 * rosters - imported);
  }

  /**
   * Imports {@code count} mutations of one roster and returns how many were imported rather than
   * refused.
   */
  private int fuzz(Mdt mdt, Path roster, String extension, int count, Map<Mutation, Integer> tried)
      throws Exception {
    byte[] original = Files.readAllBytes(roster);
    Random random = new Random(SEED);
    int imported = 0;
    for (int i = 0; i < count; i++) {
      Mutation mutation = Mutation.values()[i % Mutation.values().length];
      String label = extension + " " + i + " (" + mutation + ")";
      Path file =
          Files.write(
              dir.resolve("fuzz-" + i + "." + extension), mutate(original, mutation, random));
      Mdt.Result result =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> mdt.run("import", "roster", file.toString(), "-q"),
              "case " + label + " hung");
      assertTrue(
          result.code() == 0 || result.code() == 3,
          "case " + label + " exited " + result.code() + ": " + result.err());
      assertFalse(
          result.err().contains("\tat "),
          "case " + label + " printed a stack trace: " + result.err());
      if (result.code() == 3) {
        assertTrue(
            result.errLines().length == 1, "case " + label + ": one line, not: " + result.err());
      } else {
        imported++;
        if (full || imported % REPLAY_EVERY == 1) {
          SameFileAgain.assertAsReading(mdt, dir, dir, file, List.of());
        }
      }
      Files.delete(file);
      tried.merge(mutation, 1, Integer::sum);
    }
    return imported;
  }

  private static byte[] mutate(byte[] original, Mutation mutation, Random random) {
    byte[] bytes = original.clone();
    switch (mutation) {
      case TRUNCATED -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case BITS_FLIPPED -> {
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          int at = random.nextInt(bytes.length);
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case NOISE_RUN -> {
        int at = random.nextInt(bytes.length);
        for (int k = at; k < Math.min(bytes.length, at + 1 + random.nextInt(256)); k++) {
          bytes[k] = (byte) random.nextInt(256);
        }
      }
      case BLOCK_REPEATED -> {
        int at = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(4096));
        byte[] grown = Arrays.copyOf(bytes, bytes.length + length);
        System.arraycopy(bytes, at, grown, at + length, bytes.length - at);
        bytes = grown;
      }
      case ALL_NOISE -> random.nextBytes(bytes);
    }
    return bytes;
  }
}

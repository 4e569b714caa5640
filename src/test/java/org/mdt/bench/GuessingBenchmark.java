package org.mdt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.mdt.MdtException;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;

/**
 * What a stolen encrypted database costs an attacker: wrong passphrases tried one after another
 * against a real file, each through mdt's own key derivation and H2's open, on one thread. Not a
 * test: {@code java -cp target/mdt.jar:target/test-classes org.mdt.bench.GuessingBenchmark DIR
 * [GUESSES]}.
 */
public final class GuessingBenchmark {
  private GuessingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
    int guesses = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path base = dir.resolve("guessing").toAbsolutePath();
    Files.deleteIfExists(Path.of(base + ".mv.db"));
    DatabaseLocation location = DatabaseLocation.of(base.toString(), System.getenv());
    Database.open(
            location.encryptedWith("correct horse battery staple".toCharArray()),
            true,
            Duration.ZERO)
        .close();
    int refused = 0;
    long start = System.nanoTime();
    for (int i = 0; i < guesses; i++) {
      try {
        Database.open(
                location.encryptedWith(("wrong guess " + i).toCharArray()), false, Duration.ZERO)
            .close();
      } catch (MdtException e) {
        refused++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d of %d guesses refused in %.2f s: %.1f guesses/s%n",
        refused, guesses, seconds, guesses / seconds);
  }
}

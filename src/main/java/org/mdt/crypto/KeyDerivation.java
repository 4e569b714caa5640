package org.mdt.crypto;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Keys from passphrases: Argon2id (memory-hard, so a stolen file cannot be guessed at thousands of
 * passphrases a second) with a random salt stored beside what it protects. The cost is paid once
 * per command; the shell asks and derives once per session.
 */
public final class KeyDerivation {
  /** The salt length every new key gets. */
  public static final int SALT_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyDerivation() {}

  /**
   * Argon2id's cost. The defaults are OWASP's smallest recommended setting (19 MiB, 2 passes),
   * which a fresh JVM on two cores derives in about half a second: the most a command can pay at
   * start-up.
   */
  public record Cost(int memoryKiB, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(19 * 1024, 2, 1);

    /**
     * Refuses a cost read from a file (a backup's or a database's header) that is too weak, or that
     * would make deriving the key a denial of service: the header is read before anything can be
     * verified, so the bound is a small multiple of what mdt writes, well within a 256 MB heap.
     */
    public Cost checked() {
      if (memoryKiB < 8 * 1024
          || memoryKiB > 64 * 1024
          || iterations < 1
          || iterations > 8
          || parallelism < 1
          || parallelism > 4) {
        throw new IllegalArgumentException("Argon2id cost out of range: " + this);
      }
      return this;
    }
  }

  /** A new random salt. */
  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return salt;
  }

  /** Random bytes for nonces and identifiers. */
  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** A {@code length}-byte key from the passphrase (UTF-8) and salt. */
  public static byte[] argon2id(char[] passphrase, byte[] salt, Cost cost, int length) {
    cost.checked();
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] utf8 = Arrays.copyOf(encoded.array(), encoded.limit());
    Arrays.fill(encoded.array(), (byte) 0);
    try {
      return Argon2Function.getInstance(
              cost.memoryKiB(),
              cost.iterations(),
              cost.parallelism(),
              length,
              Argon2.ID,
              Argon2Function.ARGON2_VERSION_13)
          .hash(utf8, salt)
          .getBytes();
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }
}

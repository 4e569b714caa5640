package org.mdt.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** The SHA-256 an import records, so a coordinator can tell which export a row came from. */
final class FileDigest {
  private FileDigest() {}

  /**
   * Starts the digest on a thread of its own: it reads the whole file, which the import's own
   * reading (the zip check, the header) can overlap.
   */
  static Future<String> start(Path file) {
    FutureTask<String> digest = new FutureTask<>(() -> sha256(file));
    Thread thread = new Thread(digest, "mdt-digest");
    thread.setDaemon(true);
    thread.start();
    return digest;
  }

  /** The digest {@link #start} began; a read error is thrown as the import's own would be. */
  static String await(Future<String> digest) {
    try {
      return digest.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the file's digest", e);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package org.mdt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/** The version Maven wrote into the jar's resources at build time. */
public final class MdtVersion {
  private MdtVersion() {}

  /** Read once: {@code --version}, backups and imports all ask. */
  private static final class Holder {
    static final String VERSION = read();
  }

  public static String current() {
    return Holder.VERSION;
  }

  /**
   * This build of mdt: the version, and the size and time of the jar it runs from. Every build so
   * far has had the same version, so the version alone would not tell two builds with different
   * rules apart; a jar rebuilt or reinstalled is taken for another build, which costs only a cache.
   */
  public static String build() {
    CodeSource source = MdtVersion.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return current();
    }
    try {
      Path jar = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(jar)
          ? current() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar)
          : current() + " " + jar;
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return current();
    }
  }

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = MdtVersion.class.getResourceAsStream("/org/mdt/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}

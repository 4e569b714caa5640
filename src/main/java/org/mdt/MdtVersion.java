package org.mdt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

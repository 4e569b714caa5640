package org.mdt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's resources at build time. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/org/mdt/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new String[] {
      "mdt " + properties.getProperty("version", "unknown"),
      "Java " + System.getProperty("java.version")
    };
  }
}

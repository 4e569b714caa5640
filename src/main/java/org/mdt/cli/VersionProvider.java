package org.mdt.cli;

import org.mdt.MdtVersion;
import picocli.CommandLine.IVersionProvider;

/** mdt's version and the Java it runs on, for {@code --version}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "mdt " + MdtVersion.current(), "Java " + System.getProperty("java.version")
    };
  }
}

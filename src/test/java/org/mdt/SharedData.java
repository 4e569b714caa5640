package org.mdt;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic rosters and their truth files: ../shared/data beside the repository when it is
 * there (as in CI, so that a change there is tested at once), else the copy under
 * src/test/resources.
 */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    Path shared = Path.of(System.getProperty("mdt.shared.data", "../shared/data"));
    if (Files.isDirectory(shared)) {
      return shared;
    }
    try {
      return Path.of(SharedData.class.getResource("/shared-data/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path file(String name) {
    return dir().resolve(name);
  }
}

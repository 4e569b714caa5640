package org.mdt.cli;

import java.util.Locale;

/** What {@code --format} picks for results on stdout. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  /** Lower case, as users type it and as completion offers it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

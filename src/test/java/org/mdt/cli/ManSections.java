package org.mdt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The man page text the command model has no room for, written by hand in {@code docs/man/}: one
 * file per page ({@code mdt-review-record.txt}), with sections under lines "# TITLE" (DESCRIPTION
 * adds to the command's own description; EXAMPLES, ENVIRONMENT, FILES). {@code common.txt} holds
 * the sections every page with a file of its own repeats (the environment and files are the same
 * for every command); pages without one point to mdt(1).
 */
record ManSections(Map<String, Map<String, String>> pages, Map<String, String> common) {
  static ManSections read(Path folder) throws IOException {
    Map<String, Map<String, String>> pages = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        pages.put(
            file.getFileName().toString().replaceFirst("\\.txt$", ""),
            sections(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return new ManSections(pages, pages.getOrDefault("common", Map.of()));
  }

  /**
   * The sections of a page: its own, then the common ones it does not override; none without a
   * file.
   */
  Map<String, String> of(String page) {
    Map<String, String> own = pages.get(page);
    if (own == null) {
      return Map.of();
    }
    Map<String, String> all = new LinkedHashMap<>(common);
    all.putAll(own);
    return all;
  }

  private static Map<String, String> sections(String text) {
    Map<String, String> sections = new LinkedHashMap<>();
    String title = null;
    StringBuilder body = new StringBuilder();
    for (String line : (text + "\n# END\n").lines().toList()) {
      if (line.startsWith("# ")) {
        if (title != null) {
          sections.put(title, body.toString().replaceAll("^\n+|\\s+$", ""));
        }
        title = line.substring(2).strip();
        body.setLength(0);
      } else {
        body.append(line).append('\n');
      }
    }
    return sections;
  }
}

package org.mdt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mdt.roster.ImportListener;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the bash/zsh completion script and the man pages from the command model, at build time
 * (process-test-classes). It lives with the tests because picocli-codegen has no place in the jar.
 * {@code DocsUpToDateTest} compares the result with the committed {@code completions/} and {@code
 * man/}.
 *
 * <p>Arguments: the output folder, the release date (Maven's {@code project.build.outputTimestamp},
 * so a page changes only when its command or the release does; {@code SOURCE_DATE_EPOCH} when there
 * is none) and the folder of hand-written man page sections ({@link ManSections}).
 */
public final class DocsGenerator {
  private DocsGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    CommandLine mdt = commandLine();
    Path completions = Files.createDirectories(out.resolve("completions"));
    Files.writeString(
        completions.resolve("mdt_completion"),
        AutoComplete.bash("mdt", mdt),
        StandardCharsets.UTF_8);
    Path man = Files.createDirectories(out.resolve("man"));
    ManSections sections = ManSections.read(Path.of(args[2]));
    String date = releaseDate(args[1], System.getenv("SOURCE_DATE_EPOCH"));
    String version = new VersionProvider().getVersion()[0];
    writePages(mdt.getCommandSpec(), man, sections, date, version);
  }

  private static void writePages(
      CommandSpec spec, Path man, ManSections sections, String date, String version)
      throws IOException {
    String name = spec.qualifiedName("-");
    Map<String, String> extra = new LinkedHashMap<>(sections.of(name));
    Files.writeString(
        man.resolve(name + ".1"),
        new ManPage(spec, date, version).render(extra),
        StandardCharsets.UTF_8);
    for (CommandLine sub : spec.subcommands().values()) {
      writePages(sub.getCommandSpec(), man, sections, date, version);
    }
  }

  /**
   * The page date: the release's, else the source's (SOURCE_DATE_EPOCH seconds), as yyyy-MM-dd in
   * UTC.
   */
  static String releaseDate(String outputTimestamp, String sourceDateEpoch) {
    if (outputTimestamp != null && outputTimestamp.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return outputTimestamp.substring(0, 10);
    }
    if (sourceDateEpoch != null && sourceDateEpoch.matches("\\d+")) {
      return LocalDate.ofInstant(
              Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch)), ZoneOffset.UTC)
          .toString();
    }
    throw new IllegalArgumentException(
        "no release date: set project.build.outputTimestamp or SOURCE_DATE_EPOCH");
  }

  /** The command tree as users get it, without a database or a terminal behind it. */
  static CommandLine commandLine() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return CommandFactory.create(
        new CliContext(nowhere, nowhere, Map.of(), Clock.systemUTC(), false, ImportListener.NONE));
  }
}

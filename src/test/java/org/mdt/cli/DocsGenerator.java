package org.mdt.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.mdt.roster.ImportListener;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the bash/zsh completion script and the AsciiDoc man pages from the command model, at build time
 * (process-test-classes; asciidoctor then turns the AsciiDoc into troff). It lives with the tests because
 * picocli-codegen has no place in the jar. {@code DocsUpToDateTest} compares the result with the committed
 * {@code completions/} and {@code man/}.
 */
public final class DocsGenerator {
  private DocsGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    CommandLine mdt = commandLine();
    Path completions = Files.createDirectories(out.resolve("completions"));
    Files.writeString(completions.resolve("mdt_completion"), AutoComplete.bash("mdt", mdt), StandardCharsets.UTF_8);
    File adoc = Files.createDirectories(out.resolve("adoc")).toFile();
    ManPageGenerator.generateManPage(adoc, null, new boolean[0], true, mdt.getCommandSpec());
  }

  /** The command tree as users get it, without a database or a terminal behind it. */
  static CommandLine commandLine() {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return CommandFactory.create(new CliContext(nowhere, nowhere, Map.of(), Clock.systemUTC(), false,
        ImportListener.NONE));
  }
}

package org.mdt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options of docs/DESIGN.md section 1, declared once on the root command and inherited
 * by every subcommand (picocli's {@code ScopeType.INHERIT}), so they work before, between or after
 * the subcommand names; each sets the one shared {@link CliContext}.
 */
public final class GlobalOptions {
  private final CliContext context;

  public GlobalOptions(CliContext context) {
    this.context = context;
  }

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "PATH|JDBC-URL",
      description = {
        "Database: an H2 file path or a JDBC URL" + " (env MDT_DB).",
        "Default: ~/.local/share/mdt/mdt",
        "($XDG_DATA_HOME/mdt/mdt when that is set)."
      })
  void db(String db) {
    context.db = db;
  }

  @Option(
      names = "--format",
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "Output on stdout: ${COMPLETION-CANDIDATES} (default: table).")
  void format(OutputFormat format) {
    context.format = format;
  }

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print results only: no notes or warnings on stderr.")
  void quiet(boolean quiet) {
    context.quiet = quiet;
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print every warning, and a stack trace with an error.")
  void verbose(boolean verbose) {
    context.verbose = verbose;
  }

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colour in help and messages (also env NO_COLOR).")
  void noColor(boolean noColor) {
    context.noColor = noColor;
  }

  @Option(
      names = "--passphrase-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "The passphrase of an encrypted"
              + " database, on the file's first line (env MDT_PASSPHRASE_FILE; else a prompt on a terminal).")
  void passphraseFile(Path file) {
    context.passphraseFile = file;
  }
}

package org.mdt.cli;

import picocli.CommandLine.Option;

/**
 * The global options of DESIGN section 1, mixed into every command so that they work before or after the
 * subcommand name; each sets the one shared {@link CliContext}.
 */
public final class GlobalOptions {
  private final CliContext context;

  public GlobalOptions(CliContext context) {
    this.context = context;
  }

  @Option(names = "--db", paramLabel = "PATH|JDBC-URL", description = {"Database: an H2 file path or a JDBC URL"
      + " (env MDT_DB).", "Default: ~/.local/share/mdt/mdt", "($XDG_DATA_HOME/mdt/mdt when that is set)."})
  void db(String db) {
    context.db = db;
  }

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Output on stdout: ${COMPLETION-CANDIDATES} (default: table).")
  void format(OutputFormat format) {
    context.format = format;
  }

  @Option(names = {"-q", "--quiet"}, description = "Print results only: no notes or warnings on stderr.")
  void quiet(boolean quiet) {
    context.quiet = quiet;
  }

  @Option(names = {"-v", "--verbose"}, description = "Print every warning, and a stack trace with an error.")
  void verbose(boolean verbose) {
    context.verbose = verbose;
  }

  @Option(names = "--no-color", description = "No colour in help and messages (also env NO_COLOR).")
  void noColor(boolean noColor) {
    context.noColor = noColor;
  }

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The passphrase of an encrypted"
      + " database, on the file's first line (env MDT_PASSPHRASE_FILE; else a prompt on a terminal).")
  void passphraseFile(java.nio.file.Path file) {
    context.passphraseFile = file;
  }
}

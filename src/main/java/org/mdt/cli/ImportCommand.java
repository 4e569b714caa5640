package org.mdt.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mdt.roster.ImportRequest;
import org.mdt.roster.ImportResult;
import org.mdt.roster.MappingFile;
import org.mdt.roster.Problem;
import org.mdt.roster.ProblemSink;
import org.mdt.roster.RosterImporter;
import org.mdt.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    description = "Import data from partner agencies' files.",
    subcommands = {ImportCommand.Roster.class})
final class ImportCommand {

  @Command(
      name = "roster",
      description = {
        "Import a case roster (xlsx, xls or csv): one row per child on a case.",
        "The whole file is one transaction; re-importing it changes nothing, and a blank cell never erases a"
            + " stored value."
      })
  static final class Roster implements Callable<Integer> {
    /** Problems listed on stderr before the rest are only counted (all of them with -v). */
    private static final int PROBLEMS_SHOWN = 20;

    /** Headers listed in a note about ignored columns. */
    private static final int HEADERS_SHOWN = 20;

    private final CliContext context;

    @Parameters(
        paramLabel = "FILE",
        description = "The roster: .xlsx, .xls or .csv (UTF-8 or Windows-1252).")
    Path file;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team of rows that name none (needed when there are several teams).")
    String team;

    @Option(
        names = "--sheet",
        paramLabel = "NAME",
        description = "The sheet to read (default: the first).")
    String sheet;

    @Option(
        names = "--mapping",
        paramLabel = "FILE",
        description = "A JSON mapping file of the team's own" + " headers, words and date formats.")
    Path mapping;

    @Option(
        names = "--dry-run",
        description = "Report what the import would do, and change nothing.")
    boolean dryRun;

    @Option(
        names = "--rejects",
        paramLabel = "FILE",
        description =
            "Write the rejected rows' problems here as CSV (row, column, header, reason).")
    Path rejects;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    Roster(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Outputs outputs = Outputs.check(context, force, Arrays.asList(file, mapping), rejects);
      MappingFile mappingFile = mapping == null ? MappingFile.NONE : MappingFile.read(mapping);
      ImportResult result = importRoster(mappingFile, outputs);
      if (!result.ignoredHeaders().isEmpty()) {
        context.info(
            "ignored columns (no canonical column; a mapping file can name them): "
                + listed(result.ignoredHeaders()));
      }
      if (!result.repeatedHeaders().isEmpty()) {
        context.info("ignored repeated columns: " + listed(result.repeatedHeaders()));
      }
      if (dryRun || context.verbose) {
        noteChangedFields(result);
      }
      if (dryRun) {
        context.info("dry run: nothing was written to the database");
      } else if (result.compacted()) {
        context.info("compacted the database after a large import");
      }
      context.printer().record(result.summary().asMap());
      return 0;
    }

    private ImportResult importRoster(MappingFile mappingFile, Outputs outputs) {
      ImportResult result;
      try (RejectsFile rejectsFile = rejects == null ? null : new RejectsFile(outputs, rejects)) {
        StderrProblems problems = new StderrProblems(rejectsFile);
        try (Progress progress =
            Progress.start(context, "importing " + file.getFileName(), "rows")) {
          result =
              new RosterImporter(
                      context.databaseForImport(),
                      context.clock,
                      context.osUser(),
                      context.commandLine)
                  .run(
                      new ImportRequest(file, team, sheet, mappingFile, dryRun),
                      problems,
                      (rowsRead, rowNumber) -> {
                        progress.advance(rowsRead);
                        context.cancellation.check();
                        context.importListener.rowHandled(rowsRead, rowNumber);
                      });
        }
        problems.finish();
        if (result.sameAs() != null) {
          context.info(
              "the same file as import "
                  + result.sameAs()
                  + ", and nothing has changed since: its outcome again, without reading the rows");
        }
        if (rejectsFile != null) {
          rejectsFile.commit();
          context.info("wrote " + result.summary().rejected() + " rejected row(s) to " + rejects);
        }
      }
      return result;
    }

    /** Which case-level columns the import changed on cases stored before it, and on how many. */
    private void noteChangedFields(ImportResult result) {
      if (!result.changedFields().isEmpty()) {
        context.info(
            "changed on cases stored before: "
                + result.changedFields().entrySet().stream()
                    .map(field -> field.getKey() + " on " + field.getValue() + " case(s)")
                    .collect(Collectors.joining(", ")));
      }
    }

    /**
     * A file's headers as a note lists them: the first few, each cut short, and how many in all.
     */
    private static String listed(List<String> headers) {
      String shown =
          headers.stream()
              .limit(HEADERS_SHOWN)
              .map(TerminalText::quoted)
              .collect(Collectors.joining(", "));
      return headers.size() > HEADERS_SHOWN
          ? shown + ", ... (" + headers.size() + " in all)"
          : shown;
    }

    /**
     * Lists the first problems on stderr, and every rejection in the rejects file if there is one.
     */
    private final class StderrProblems implements ProblemSink {
      private final RejectsFile rejectsFile;
      private int seen;

      StderrProblems(RejectsFile rejectsFile) {
        this.rejectsFile = rejectsFile;
      }

      @Override
      public void rejected(Problem problem) {
        if (rejectsFile != null) {
          rejectsFile.add(problem);
        }
        show("rejected", problem);
      }

      @Override
      public void warning(Problem problem) {
        show("warning", problem);
      }

      @Override
      public void duplicate(Problem problem) {
        show("duplicate", problem);
      }

      private void show(String kind, Problem problem) {
        if (seen++ < PROBLEMS_SHOWN || context.verbose) {
          context.info(kind + ": " + problem);
        }
      }

      void finish() {
        if (seen > PROBLEMS_SHOWN && !context.verbose) {
          context.info(
              "... and "
                  + (seen - PROBLEMS_SHOWN)
                  + " more (-v lists them all; --rejects FILE saves the"
                  + " rejections)");
        }
      }
    }
  }
}

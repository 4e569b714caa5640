package org.mdt.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.db.Database;
import org.mdt.report.DeidentifiedRecords;
import org.mdt.report.EvaluationExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    description = "Data for people outside the MDT.",
    subcommands = {ExportCommand.Evaluation.class})
final class ExportCommand {

  @Command(
      name = "evaluation",
      description = {
        "De-identified data for federal evaluators: the NCA and"
            + " VOCA breakdowns by whole month, per team and for all teams, with every count from 1 to --min-cell"
            + " suppressed, and other cells hidden until an audit by linear programming shows that none of them can be"
            + " narrowed to a range less than --min-cell wide from the export and the NCA and VOCA reports."
            + " Refuses (exit 3) a table that fails the audit."
      })
  static final class Evaluation implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "YYYY-MM",
        description =
            "First month (whole months"
                + " only, so that two exports cannot be subtracted to the children of a day).")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "YYYY-MM",
        description = "Last month: one that is over.")
    String to;

    @Option(
        names = "--min-cell",
        paramLabel = "N",
        defaultValue = "10",
        description = "Counts from 1 to N are suppressed (default: ${DEFAULT-VALUE}).")
    int minCell;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write the tables to FILE: .csv, .json or .xlsx.")
    Path out;

    @Option(
        names = "--records",
        paramLabel = "FILE",
        description =
            "Also write a record-level CSV, for an evaluator"
                + " under a data-use agreement and never for publication: a random study id and codes, no name, birth date,"
                + " case or agency number; k-anonymous on place, time, age, gender, race and offender's age (coarsened, then"
                + " suppressed), with a companion FILE.notes.txt saying how.")
    Path records;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    @Option(
        names = "--k",
        paramLabel = "K",
        defaultValue = "5",
        description =
            "Every record of --records shares its"
                + " place, time, age, gender, race and offender's age with at least K-1 others, or has them suppressed"
                + " (default: ${DEFAULT-VALUE}).")
    int k;

    Evaluation(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      YearMonth first = month("--from", from);
      YearMonth last = month("--to", to);
      if (last.isBefore(first)) {
        throw MdtException.usage("--to " + last + " is before --from " + first);
      }
      YearMonth current = YearMonth.now(context.clock);
      if (!last.isBefore(current)) {
        // a month still running would let two exports a day apart be subtracted, and count days not
        // yet over
        throw MdtException.usage(
            "--to "
                + last
                + " is not over yet (today is "
                + LocalDate.now(context.clock)
                + "); the last whole month is "
                + current.minusMonths(1));
      }
      if (k < 2) {
        throw MdtException.usage(
            "--k must be at least 2: every record shares its quasi-identifiers with k - 1 others");
      }
      if (minCell < 1) {
        throw MdtException.usage(
            "--min-cell must be at least 1: an evaluation export is always suppressed");
      }
      if (out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
        throw MdtException.usage(
            "--out: the evaluation tables are data; name the file .csv, .json or .xlsx");
      }
      Outputs outputs =
          Outputs.check(
              context,
              force,
              List.of(),
              out,
              records,
              records == null ? null : DeidentifiedRecords.notesFile(records));
      Database database = context.databaseToRead();
      var connection = database.connection();
      EvaluationExport export =
          EvaluationExport.compute(
              database,
              first,
              last,
              LocalDate.now(context.clock),
              Stores.teams(context, connection).teams(),
              minCell);
      ReportOutput.emit(context, outputs, out, export);
      context.info(
          export.suppressed()
              + " of "
              + export.lines().size()
              + " cells suppressed (min cell "
              + minCell
              + ")");
      if (records != null) {
        writeRecords(outputs, connection, first, last);
      }
      return 0;
    }

    private static YearMonth month(String option, String text) {
      try {
        if (text.trim().matches("\\d{4}-\\d{2}")) {
          return YearMonth.parse(text.trim());
        }
      } catch (
          DateTimeParseException e) { // such as 2025-13: the same answer as any other non-month
      }
      throw MdtException.usage(
          option + " takes a whole month, YYYY-MM (such as 2025-01), not '" + text + "'");
    }

    private void writeRecords(
        Outputs outputs, java.sql.Connection connection, YearMonth first, YearMonth last) {
      DeidentifiedRecords.Summary[] summary = new DeidentifiedRecords.Summary[1];
      outputs.write(
          records,
          stream -> {
            try (SequenceWriter csv =
                Printer.csvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
              csv.write(DeidentifiedRecords.COLUMNS);
              summary[0] =
                  DeidentifiedRecords.write(
                      connection,
                      first,
                      last,
                      k,
                      record -> {
                        try {
                          csv.write(Printer.neutralised(record)); // team names are typed by people
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      });
            } catch (SQLException e) {
              throw new IOException(e);
            }
          });
      context.info("wrote " + summary[0].written() + " de-identified record(s) to " + records);
      summary[0].notes().forEach(note -> context.info("records: " + note));
      Path notes = DeidentifiedRecords.notesFile(records);
      String text = DeidentifiedRecords.notesText(summary[0]);
      outputs.write(notes, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
      context.info("wrote the records' notes to " + notes);
    }
  }
}

package org.mdt.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.report.DeidentifiedRecords;
import org.mdt.report.EvaluationExport;
import org.mdt.report.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Data for people outside the MDT.", subcommands = {ExportCommand.Evaluation.class})
final class ExportCommand {
  @Mixin GlobalOptions global;

  @Command(name = "evaluation", description = {"De-identified data for federal evaluators (DESIGN 6.5): the NCA and"
      + " VOCA breakdowns by month, per team and for all teams, with every count from 1 to --min-cell suppressed,"
      + " and a second cell of its row or column wherever the first could be worked back from a total."})
  static final class Evaluation implements Callable<Integer> {
    @Mixin GlobalOptions global;
    private final CliContext context;

    @Option(names = "--from", required = true, paramLabel = "D", description = "First referral or service day.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "Last day.")
    LocalDate to;

    @Option(names = "--min-cell", paramLabel = "N", defaultValue = "10",
        description = "Counts from 1 to N are suppressed (default: ${DEFAULT-VALUE}).")
    int minCell;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the tables to FILE: .csv, .json or .xlsx.")
    Path out;

    @Option(names = "--records", paramLabel = "FILE", description = "Also write a record-level CSV: a random"
        + " study id, age in years, month of referral and codes; no name, birth date, case or agency number.")
    Path records;

    @Option(names = "--force", description = "Replace an existing output file.")
    boolean force;

    Evaluation(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      if (to.isBefore(from)) {
        throw MdtException.usage("--to " + to + " is before --from " + from);
      }
      if (minCell < 1) {
        throw MdtException.usage("--min-cell must be at least 1: an evaluation export is always suppressed");
      }
      if (out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
        throw MdtException.usage("--out: the evaluation tables are data; name the file .csv, .json or .xlsx");
      }
      Outputs outputs = Outputs.check(context, force, List.of(), out, records);
      var connection = context.database().connection();
      EvaluationExport export = EvaluationExport.compute(connection, from, to,
          Stores.teams(context, connection).teams(), minCell);
      Table table = Table.of("team", "TEAM", "month", "MONTH", "table", "TABLE", "measure", "MEASURE", "code", "CODE",
          "count", "COUNT");
      List<Map<String, Object>> cells = new ArrayList<>();
      List<List<Object>> rows = new ArrayList<>();
      int suppressed = 0;
      for (EvaluationExport.Line line : export.lines()) {
        Object count = EvaluationExport.published(line.cell());
        suppressed += line.cell().suppressed() ? 1 : 0;
        table.row(line.team(), line.month(), line.table(), line.measure(), line.code(), count);
        rows.add(List.of(line.team(), line.month(), line.table(), line.measure(), line.code(), count));
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("team", line.team());
        cell.put("month", line.month());
        cell.put("table", line.table());
        cell.put("measure", line.measure());
        cell.put("code", line.code());
        cell.put("count", count);
        cells.add(cell);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("from", from.toString());
      json.put("to", to.toString());
      json.put("minCell", minCell);
      json.put("suppressed", suppressed);
      json.put("cells", cells);
      ReportDocument document = new ReportDocument("Evaluation export", "All teams", from + " to " + to,
          List.of(new ReportDocument.Section("Counts", List.of("Team", "Month", "Table", "Measure", "Code", "Count"),
              rows)), List.of(new ReportDocument.Definition("suppressed", "a count from 1 to " + minCell
              + ", or a second cell hidden so that the first cannot be worked back from a total.")));
      ReportOutput.emit(context, outputs, out, new ReportOutput.Faces(json, table, document),
          () -> context.printer().table(table));
      context.info(suppressed + " of " + export.lines().size() + " cells suppressed (min cell " + minCell + ")");
      if (records != null) {
        writeRecords(outputs, connection);
      }
      return 0;
    }

    private void writeRecords(Outputs outputs, java.sql.Connection connection) {
      int[] written = new int[1];
      outputs.write(records, stream -> {
        try (SequenceWriter csv = Printer.csvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
          csv.write(DeidentifiedRecords.COLUMNS);
          written[0] = DeidentifiedRecords.write(connection, from, to, null, record -> {
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
      context.info("wrote " + written[0] + " de-identified record(s) to " + records);
    }
  }
}

package org.mdt.cli;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.report.AccreditationReport;
import org.mdt.report.FiscalQuarter;
import org.mdt.report.HalfYear;
import org.mdt.report.MonthlyReport;
import org.mdt.report.NcaStatistics;
import org.mdt.report.VocaReport;
import org.mdt.report.VocaServiceMap;
import org.mdt.team.Team;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    description = "Grant and accreditation reports.",
    subcommands = {
      ReportCommand.Nca.class,
      ReportCommand.Voca.class,
      ReportCommand.Accreditation.class,
      ReportCommand.Monthly.class
    })
final class ReportCommand {

  @Command(
      name = "nca",
      description = {
        "NCA semi-annual statistics: new children referred in the"
            + " period, aged 18 or under, by gender, age, race, abuse type, offender and service."
      })
  static final class Nca implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--period",
        required = true,
        paramLabel = "YYYYH1|YYYYH2",
        description = "The half-year: H1 is Jan 1 to Jun 30, H2 Jul 1 to Dec 31.")
    String period;

    @Mixin ReportTarget target;

    Nca(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      HalfYear half = HalfYear.parse(period);
      Outputs outputs = target.outputs(context);
      var connection = context.databaseToRead().connection();
      Team only = target.team(context, connection);
      ReportOutput.emit(
          context,
          outputs,
          target.out,
          NcaStatistics.compute(connection, half, only, LocalDate.now(context.clock)));
      return 0;
    }
  }

  @Command(
      name = "monthly",
      description = {
        "The coordinator's monthly report: cases and children"
            + " received, reviews held, cases reviewed, follow-ups opened, closed and overdue, against the 12 months"
            + " before.",
        "Meant for cron: it never prompts, and --out is written whole or not at all."
      })
  static final class Monthly implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month.")
    String month;

    @Mixin ReportTarget target;

    Monthly(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      YearMonth yearMonth;
      try {
        yearMonth = YearMonth.parse(month.trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw MdtException.usage("--month must look like 2026-10, not '" + month + "'");
      }
      Outputs outputs = target.outputs(context);
      var connection = context.databaseToRead().connection();
      Team only = target.team(context, connection);
      ReportOutput.emit(
          context,
          outputs,
          target.out,
          MonthlyReport.compute(
              connection, yearMonth, only, LocalDate.now(context.clock), context.clock.getZone()));
      return 0;
    }
  }

  @Command(
      name = "voca",
      description = {
        "VOCA performance measures for a federal fiscal quarter:"
            + " individuals served, new and continuing; new individuals by age, gender, race and victimization type;"
            + " services by category with individuals and times provided."
      })
  static final class Voca implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--quarter",
        required = true,
        paramLabel = "FYyyyyQn",
        description = "The federal fiscal quarter, e.g. FY2026Q1 (October to December 2025).")
    String quarter;

    @Mixin ReportTarget target;

    Voca(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      FiscalQuarter fiscalQuarter = FiscalQuarter.parse(quarter);
      Outputs outputs = target.outputs(context);
      var connection = context.databaseToRead().connection();
      Team only = target.team(context, connection);
      ReportOutput.emit(
          context,
          outputs,
          target.out,
          VocaReport.compute(
              connection,
              VocaReport.Span.of(fiscalQuarter),
              only,
              VocaServiceMap.read(connection),
              LocalDate.now(context.clock)));
      return 0;
    }
  }

  @Command(
      name = "accreditation",
      description = {
        "Accreditation evidence for a year, by NCA standard:"
            + " disciplines, case review, services, case tracking, with charts and the cases behind any"
            + " shortfall."
      })
  static final class Accreditation implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--year",
        required = true,
        paramLabel = "YYYY",
        description = "The calendar year.")
    int year;

    @Mixin ReportTarget target;

    Accreditation(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      if (year < 1990 || year > 2999) {
        throw MdtException.usage("--year must be a year such as 2026, not " + year);
      }
      Outputs outputs = target.outputs(context);
      var connection = context.databaseToRead().connection();
      Team only = target.team(context, connection);
      ReportOutput.emit(
          context,
          outputs,
          target.out,
          AccreditationReport.compute(
              connection, year, only, LocalDate.now(context.clock), context.clock.getZone()));
      return 0;
    }
  }
}

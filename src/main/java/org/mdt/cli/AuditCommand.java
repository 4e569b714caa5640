package org.mdt.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.mdt.db.AuditLog;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "audit",
    description = {
      "Read the audit trail: who changed what, when, with which command.",
      "'mdt audit verify' checks its hash chain."
    },
    subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--since",
      paramLabel = "D",
      description = "Only changes on or after this day (UTC).")
  LocalDate since;

  @Option(
      names = "--case",
      paramLabel = "C",
      description = "Only changes to this case, its children," + " follow-ups and review requests.")
  String caseNumber;

  @Option(
      names = "--team",
      paramLabel = "T",
      description = "The team, when several hold the case number.")
  String team;

  AuditCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws SQLException {
    Connection connection = context.databaseToRead().connection();
    Long caseId = null;
    if (caseNumber != null) {
      var teams = Stores.teams(context, connection);
      caseId = Stores.cases(connection).require(caseNumber, teams.requireIfNamed(team)).id();
    }
    Table table =
        Table.of(
            "id",
            "ID",
            "at",
            "AT",
            "user",
            "USER",
            "command",
            "COMMAND",
            "entity",
            "ENTITY",
            "entityId",
            "ENTITY ID",
            "action",
            "ACTION",
            "changes",
            "CHANGES");
    for (AuditLog.Entry e : AuditLog.read(connection, since, caseId)) {
      table.row(
          e.id(), e.at(), e.user(), e.command(), e.entity(), e.entityId(), e.action(), e.changes());
    }
    context.printer().table(table);
    return 0;
  }

  @Command(
      name = "verify",
      description = {
        "Check the audit trail's hash chain: each row carries the hash of"
            + " the one before, so a row deleted, changed or moved by other tools breaks it.",
        "Exit 3 names the first row that does not fit. (Rows cut from the end are found only against a"
            + " backup's manifest.)"
      })
  static final class Verify implements Callable<Integer> {
    private final CliContext context;

    Verify(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      AuditLog.Verification result = AuditLog.verify(context.databaseToRead().connection());
      if (!result.intact()) {
        throw org.mdt.MdtException.data(
            "audit trail broken: "
                + result.problem()
                + " ("
                + result.rows()
                + " rows before it verified)");
      }
      java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
      record.put("rows", result.rows());
      record.put("lastId", result.lastId());
      record.put("lastHash", result.lastHash());
      record.put("intact", true);
      context.printer().record(record);
      return 0;
    }
  }
}

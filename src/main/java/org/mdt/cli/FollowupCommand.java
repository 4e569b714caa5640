package org.mdt.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.cases.Redaction;
import org.mdt.followup.AddFollowup;
import org.mdt.followup.CloseFollowup;
import org.mdt.followup.Followup;
import org.mdt.followup.FollowupStatus;
import org.mdt.followup.FollowupStore;
import org.mdt.followup.ListFollowups;
import org.mdt.followup.ReassignFollowup;
import org.mdt.followup.ShowFollowupHistory;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "followup",
    description = "Follow-ups: actions members owe on cases, with their history.",
    subcommands = {
      FollowupCommand.Add.class,
      FollowupCommand.Listing.class,
      FollowupCommand.Done.class,
      FollowupCommand.Cancel.class,
      FollowupCommand.Reassign.class,
      FollowupCommand.History.class
    })
final class FollowupCommand {

  @Command(name = "add", description = "Add a follow-up to a case.")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(
        names = "--action",
        required = true,
        paramLabel = "TEXT",
        description = "What is to be done.")
    String action;

    @Option(
        names = "--owner",
        required = true,
        paramLabel = "MEMBER",
        description = "Who owes it: id or exact name.")
    String owner;

    @Option(names = "--due", paramLabel = "D", description = "When it is due (yyyy-MM-dd).")
    LocalDate due;

    @Option(names = "--meeting", paramLabel = "M", description = "The meeting that asked for it.")
    Long meetingId;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team, when several hold this case number.")
    String team;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      long id =
          Stores.operation(context, AddFollowup::new)
              .run(new AddFollowup.Request(caseNumber, team, owner, action, due, meetingId))
              .id();
      context.printer().record(Map.of("id", id));
      return 0;
    }
  }

  @Command(name = "list", description = "List follow-ups, most overdue first.")
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--overdue", description = "Only open follow-ups past their due date.")
    boolean overdue;

    @Option(
        names = "--owner",
        paramLabel = "MEMBER",
        description = "Only this member's (needs --team with several).")
    String owner;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's follow-ups.")
    String team;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Table table =
          Table.of(
                  "id",
                  "ID",
                  "caseNumber",
                  "CASE",
                  "team",
                  "TEAM",
                  "owner",
                  "OWNER",
                  "discipline",
                  "DISCIPLINE",
                  "due",
                  "DUE",
                  "status",
                  "STATUS",
                  "daysOverdue",
                  "DAYS OVERDUE",
                  "action",
                  "ACTION")
              .coded("discipline");
      for (Followup f :
          new ListFollowups(context.databaseToRead(), context.clock)
              .run(new ListFollowups.Request(team, owner, overdue))
              .followups()) {
        // A restricted case's actions can identify the child: the list shows only that one is owed.
        table.row(
            f.id(),
            f.caseNumber(),
            f.team(),
            f.owner(),
            f.discipline(),
            f.due(),
            f.status(),
            f.daysOverdue(),
            Redaction.action(f.restricted(), f.action()));
      }
      context.printer().table(table);
      return 0;
    }
  }

  @Command(name = "done", description = "Mark a follow-up done.")
  static final class Done implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The follow-up id.")
    long id;

    @Option(
        names = "--note",
        paramLabel = "TEXT",
        description = "What was done (kept in its history).")
    String note;

    Done(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return close(context, new CloseFollowup.Request(id, FollowupStatus.DONE, note));
    }
  }

  @Command(name = "cancel", description = "Cancel a follow-up that is no longer needed.")
  static final class Cancel implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The follow-up id.")
    long id;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept in its history).")
    String note;

    Cancel(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return close(context, new CloseFollowup.Request(id, FollowupStatus.CANCELLED, note));
    }
  }

  /**
   * Prints the follow-up's id and new status, as add prints its id: a script reads the result on
   * stdout.
   */
  private static int close(CliContext context, CloseFollowup.Request request) {
    CloseFollowup.Result closed = Stores.operation(context, CloseFollowup::new).run(request);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", closed.id());
    result.put("status", closed.closing().word());
    context.printer().record(result);
    context.info("follow-up " + closed.id() + " " + closed.closing().word());
    return 0;
  }

  @Command(
      name = "reassign",
      description = "Give a follow-up to another member of the case's team.")
  static final class Reassign implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The follow-up id.")
    long id;

    @Option(
        names = "--owner",
        required = true,
        paramLabel = "MEMBER",
        description = "The new owner: id or exact name.")
    String owner;

    Reassign(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ReassignFollowup.Result reassigned =
          Stores.operation(context, ReassignFollowup::new)
              .run(new ReassignFollowup.Request(id, owner));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", reassigned.id());
      result.put("owner", reassigned.owner().name());
      context.printer().record(result);
      context.info("follow-up " + id + " reassigned");
      return 0;
    }
  }

  @Command(name = "history", description = "Show every change to a follow-up.")
  static final class History implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The follow-up id.")
    long id;

    History(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Table table =
          Table.of(
              "at", "AT", "user", "USER", "change", "CHANGE", "from", "FROM", "to", "TO", "note",
              "NOTE");
      for (FollowupStore.Change c :
          new ShowFollowupHistory(context.databaseToRead(), context.clock)
              .run(new ShowFollowupHistory.Request(id))
              .changes()) {
        table.row(c.at(), c.user(), c.kind(), c.from(), c.to(), c.note());
      }
      context.printer().table(table);
      return 0;
    }
  }
}

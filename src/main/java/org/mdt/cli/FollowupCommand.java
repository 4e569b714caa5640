package org.mdt.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import org.mdt.cases.CaseRef;
import org.mdt.followup.Followup;
import org.mdt.followup.FollowupStatus;
import org.mdt.followup.FollowupStore;
import org.mdt.review.Meeting;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "followup", description = "Follow-ups: actions members owe on cases, with their history.",
    subcommands = {FollowupCommand.Add.class, FollowupCommand.List.class, FollowupCommand.Done.class,
        FollowupCommand.Cancel.class, FollowupCommand.Reassign.class, FollowupCommand.History.class})
final class FollowupCommand {

  @Command(name = "add", description = "Add a follow-up to a case.")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "CASE", description = "The case number.")
    String caseNumber;

    @Option(names = "--action", required = true, paramLabel = "TEXT", description = "What is to be done.")
    String action;

    @Option(names = "--owner", required = true, paramLabel = "MEMBER", description = "Who owes it: id or exact name.")
    String owner;

    @Option(names = "--due", paramLabel = "D", description = "When it is due (yyyy-MM-dd).")
    LocalDate due;

    @Option(names = "--meeting", paramLabel = "M", description = "The meeting that asked for it.")
    Long meetingId;

    @Option(names = "--team", paramLabel = "T", description = "The team, when several hold this case number.")
    String team;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      long id = context.database().inTransaction(connection -> {
        TeamStore teams = Stores.teams(context, connection);
        CaseRef caseRef = Stores.cases(connection).require(caseNumber, team == null ? null : teams.require(team));
        Team caseTeam = teams.team(caseRef.teamId());
        Meeting meeting = meetingId == null ? null : Stores.reviews(context, connection).require(meetingId);
        return Stores.followups(context, connection).add(caseRef, teams.requireMember(caseTeam, owner), action, due,
            meeting == null ? null : meeting.id(), null, OffsetDateTime.now(context.clock));
      });
      context.printer().record(java.util.Map.of("id", id));
      return 0;
    }
  }

  @Command(name = "list", description = "List follow-ups, most overdue first.")
  static final class List implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--overdue", description = "Only open follow-ups past their due date.")
    boolean overdue;

    @Option(names = "--owner", paramLabel = "MEMBER", description = "Only this member's (needs --team with several).")
    String owner;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's follow-ups.")
    String team;

    List(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      Connection connection = context.database().connection();
      TeamStore teams = Stores.teams(context, connection);
      Team only = team == null ? null : teams.require(team);
      Member ownerMember = owner == null ? null : teams.requireMember(only != null ? only : teams.resolve(null), owner);
      Table table = Table.of("id", "ID", "caseNumber", "CASE", "team", "TEAM", "owner", "OWNER", "discipline",
          "DISCIPLINE", "due", "DUE", "status", "STATUS", "daysOverdue", "DAYS OVERDUE", "action", "ACTION");
      for (Followup f : Stores.followups(context, connection).list(new FollowupStore.Filter(only, ownerMember, overdue),
          LocalDate.now(context.clock))) {
        // A restricted case's actions can identify the child: the list shows only that one is owed.
        table.row(f.id(), f.caseNumber(), f.team(), f.owner(), f.discipline(), f.due(), f.status(), f.daysOverdue(),
            f.restricted() ? "(restricted case)" : f.action());
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

    @Option(names = "--note", paramLabel = "TEXT", description = "What was done (kept in its history).")
    String note;

    Done(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return close(context, id, FollowupStatus.DONE, note);
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
      return close(context, id, FollowupStatus.CANCELLED, note);
    }
  }

  private static int close(CliContext context, long id, FollowupStatus status, String note) {
    context.database().inTransaction(connection -> {
      Stores.followups(context, connection).close(id, status, note, OffsetDateTime.now(context.clock));
      return null;
    });
    context.info("follow-up " + id + " " + status.word());
    return 0;
  }

  @Command(name = "reassign", description = "Give a follow-up to another member of the case's team.")
  static final class Reassign implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The follow-up id.")
    long id;

    @Option(names = "--owner", required = true, paramLabel = "MEMBER", description = "The new owner: id or exact name.")
    String owner;

    Reassign(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      context.database().inTransaction(connection -> {
        TeamStore teams = Stores.teams(context, connection);
        FollowupStore followups = Stores.followups(context, connection);
        Followup followup = followups.require(id, LocalDate.now(context.clock));
        Team team = teams.require(followup.team());
        followups.reassign(id, teams.requireMember(team, owner), OffsetDateTime.now(context.clock));
        return null;
      });
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
    public Integer call() throws SQLException {
      FollowupStore followups = Stores.followups(context, context.database().connection());
      followups.require(id, LocalDate.now(context.clock));
      Table table = Table.of("at", "AT", "user", "USER", "change", "CHANGE", "from", "FROM", "to", "TO", "note", "NOTE");
      for (FollowupStore.Change c : followups.history(id)) {
        table.row(c.at(), c.user(), c.kind(), c.from(), c.to(), c.note());
      }
      context.printer().table(table);
      return 0;
    }
  }
}

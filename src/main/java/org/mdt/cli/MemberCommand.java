package org.mdt.cli;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.mdt.codes.Codes;
import org.mdt.team.AddMember;
import org.mdt.team.DeactivateMember;
import org.mdt.team.Member;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "member",
    description = "MDT members, by discipline.",
    subcommands = {
      MemberCommand.Add.class,
      MemberCommand.Listing.class,
      MemberCommand.Deactivate.class
    })
final class MemberCommand {

  /** The discipline codes, for help text and for completion in bash and the shell. */
  static final class Disciplines implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Codes.DISCIPLINE.codes().iterator();
    }
  }

  @Command(name = "add", description = "Add a member to a team.")
  static final class Add implements Callable<Integer> {
    private final CliContext context;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "The member's name.")
    String name;

    @Option(
        names = "--discipline",
        required = true,
        paramLabel = "D",
        completionCandidates = Disciplines.class,
        description =
            "One of ${COMPLETION-CANDIDATES} (or a common word for one, such as DCF or advocate).")
    String discipline;

    @Option(
        names = "--agency",
        required = true,
        paramLabel = "A",
        description = "The member's agency.")
    String agency;

    @Option(names = "--email", paramLabel = "E", description = "The member's email address.")
    String email;

    @Option(
        names = "--team",
        paramLabel = "T",
        description = "The team (needed when there are several).")
    String team;

    @Option(
        names = "--force",
        description =
            "Add the member even when an active member of the team has the"
                + " same name (names then need the member's id).")
    boolean force;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      Member member =
          Stores.operation(context, AddMember::new)
              .run(new AddMember.Request(team, name, discipline, agency, email, force))
              .member();
      context.printer().table(memberTable().row(row(member)));
      return 0;
    }
  }

  @Command(name = "list", description = "List members, active ones unless --all.")
  static final class Listing implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--team", paramLabel = "T", description = "Only this team's members.")
    String team;

    @Option(names = "--all", description = "Include deactivated members.")
    boolean all;

    Listing(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      TeamStore store = Stores.teams(context, context.databaseToRead().connection());
      Team only = team == null ? null : store.require(team);
      Table table = memberTable();
      store.members(only, all).forEach(member -> table.row(row(member)));
      context.printer().table(table);
      return 0;
    }
  }

  @Command(
      name = "deactivate",
      description = "Deactivate a member who left the team (history is kept).")
  static final class Deactivate implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The member's id (see 'mdt member list').")
    long id;

    Deactivate(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Stores.operation(context, DeactivateMember::new).run(new DeactivateMember.Request(id));
      context.info("deactivated member " + id);
      return 0;
    }
  }

  private static Table memberTable() {
    return Table.of(
            "id",
            "ID",
            "team",
            "TEAM",
            "name",
            "NAME",
            "discipline",
            "DISCIPLINE",
            "agency",
            "AGENCY",
            "email",
            "EMAIL",
            "active",
            "ACTIVE")
        .coded("discipline");
  }

  private static Object[] row(Member m) {
    return new Object[] {
      m.id(), m.team(), m.name(), m.discipline(), m.agency(), m.email(), m.active()
    };
  }
}

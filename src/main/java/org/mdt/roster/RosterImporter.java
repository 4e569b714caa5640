package org.mdt.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mdt.MdtException;
import org.mdt.cases.Column;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.team.Team;
import org.mdt.team.TeamStore;
import org.mdt.text.TerminalText;

/**
 * Imports one roster file by the rules of DESIGN section 3, as one transaction: an upsert on (team, case
 * number, child name, child DOB) in which a blank cell never erases a stored value. Rows stream through;
 * what the import remembers of the rows it has seen is one bit per case and per child id.
 */
public final class RosterImporter {
  private final Database database;
  private final Clock clock;
  private final String osUser;
  private final String command;

  public RosterImporter(Database database, Clock clock, String osUser, String command) {
    this.database = database;
    this.clock = clock;
    this.osUser = osUser;
    this.command = command;
  }

  public ImportResult run(ImportRequest request, ProblemSink problems, ImportListener listener) {
    Path file = request.file();
    if (!Files.isRegularFile(file)) {
      throw MdtException.data("no such file: " + file);
    }
    String sheet = request.sheet() != null ? request.sheet() : request.mapping().sheet();
    try (SheetSource source = SheetSources.open(file, sheet)) {
      String sha256 = FileDigest.sha256(file);
      HeaderDetector.Found header = new HeaderDetector(request.mapping())
          .find(source, request.mapping().headerRow(), file.getFileName().toString());
      Database.SqlWork<ImportSummary> work =
          connection -> new Run(connection, request, source, header, problems, listener, sha256).rows();
      ImportSummary summary = request.dryRun() ? database.rolledBack(work) : database.inTransaction(work);
      return new ImportResult(summary, header.ignoredHeaders(), header.repeatedHeaders());
    } catch (IOException e) {
      throw MdtException.data("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw MdtException.data("cannot read " + file.getFileName() + ": " + e.getCause().getMessage(), e);
    }
  }

  /** One pass over the rows of a file, inside its transaction. */
  private final class Run {
    private final Connection connection;
    private final ImportRequest request;
    private final SheetSource source;
    private final ProblemSink problems;
    private final ImportListener listener;
    private final String sha256;
    private final RowParser parser;
    private final OffsetDateTime now = OffsetDateTime.now(clock);
    private final AuditLog audit;
    private final Map<String, Team> teamsByKey = new HashMap<>();
    private final Team defaultTeam;
    private final BitSet casesSeen = new BitSet();
    private final BitSet childrenSeen = new BitSet();
    private int read;
    private int inserted;
    private int updated;
    private int unchanged;
    private int duplicates;
    private int rejected;
    private int warnings;
    private int formulasWithoutValue;

    Run(Connection connection, ImportRequest request, SheetSource source, HeaderDetector.Found header,
        ProblemSink problems, ImportListener listener, String sha256) throws SQLException {
      this.connection = connection;
      this.request = request;
      this.source = source;
      this.problems = problems;
      this.listener = listener;
      this.sha256 = sha256;
      this.audit = new AuditLog(connection, osUser, command, clock);
      TeamStore teams = new TeamStore(connection, audit);
      teams.teams().forEach(t -> teamsByKey.put(TeamStore.nameKey(t.name()), t));
      boolean fileNamesTeams = header.indexByColumn().containsKey(Column.TEAM);
      // Rows that name no team take --team, or the only team; a file that never names one needs one of the two.
      defaultTeam = request.team() != null || !fileNamesTeams || teamsByKey.size() == 1
          ? teams.resolve(request.team())
          : null;
      parser = new RowParser(header, request.mapping(),
          new DateParser(request.mapping().dateFormats(), LocalDate.now(clock), source.date1904()));
    }

    ImportSummary rows() throws SQLException {
      try (RosterStore store = new RosterStore(connection); ParsedRowStream rows = new ParsedRowStream(source, parser)) {
        long importId = store.insertImport(request.file().getFileName().toString(), sha256, now, osUser);
        for (ParsedRow row; (row = rows.next()) != null; ) {
          read++;
          handle(store, row, importId);
          listener.rowHandled(read, row.number);
        }
        ImportSummary summary = new ImportSummary(read, inserted, updated, unchanged, duplicates, rejected, warnings,
            formulasWithoutValue);
        store.finishImport(importId, summary);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", request.file().getFileName().toString());
        record.put("sha256", sha256);
        record.putAll(summary.asMap());
        audit.inserted("import", importId, record);
        return summary;
      }
    }

    private void handle(RosterStore store, ParsedRow row, long importId) throws SQLException {
      Team team = row.rejected() ? null : team(row);
      formulasWithoutValue += row.formulasWithoutValue;
      if (row.rejected()) {
        rejected++;
        row.rejections.forEach(problems::rejected);
        return;
      }
      String caseNumber = row.text(Column.CASE_NUMBER);
      RosterStore.Stored storedCase = store.findCase(team.id(), caseNumber);
      long caseId;
      RosterStore.Stored storedChild = null;
      if (storedCase == null) {
        caseId = store.insertCase(team.id(), caseNumber, row.values, importId, now);
      } else {
        caseId = storedCase.id();
        storedChild = store.findChild(caseId, row.childKey());
        if (storedChild != null && childrenSeen.get(index(storedChild.id()))) {
          duplicates++;
          problems.duplicate(new Problem(row.number, "", "", "duplicate of an earlier row (same team, case "
              + caseNumber + ", child name and DOB); not stored twice"));
          return;
        }
      }
      // warnings are about values stored: a rejected row's or a duplicate's would count cells kept nowhere
      row.warnings.forEach(problems::warning);
      warnings += row.warnings.size();
      boolean caseChanged = storedCase != null && applyCaseValues(store, storedCase, row);
      casesSeen.set(index(caseId));
      long childId;
      if (storedChild == null) {
        childId = store.insertChild(caseId, team.id(), row.childKey(), row.values, importId, now);
        inserted++;
      } else {
        childId = storedChild.id();
        Map<Column, AuditLog.Change> changes = changes(storedChild, row, Column.CHILD_ROW_COLUMNS, false);
        if (!changes.isEmpty()) {
          store.updateChild(childId, merged(storedChild, changes), now);
          audit.updated("case_child", childId, byName(changes));
        }
        if (caseChanged || !changes.isEmpty()) {
          updated++;
        } else {
          unchanged++;
        }
      }
      childrenSeen.set(index(childId));
    }

    /**
     * Case-level columns are shared by siblings. The first row of a case in this file may change them; a
     * later row of the same case only fills blanks, and a conflicting value is warned about, so that
     * importing the same file twice changes nothing the second time.
     */
    private boolean applyCaseValues(RosterStore store, RosterStore.Stored storedCase, ParsedRow row)
        throws SQLException {
      boolean seenInFile = casesSeen.get(index(storedCase.id()));
      Map<Column, AuditLog.Change> changes = changes(storedCase, row, Column.CASE_COLUMNS, seenInFile);
      if (changes.isEmpty()) {
        return false;
      }
      store.updateCase(storedCase.id(), merged(storedCase, changes), now);
      audit.updated("case", storedCase.id(), byName(changes));
      return true;
    }

    /** The columns whose value in the row differs from the stored one; blanks never count. */
    private Map<Column, AuditLog.Change> changes(RosterStore.Stored stored, ParsedRow row, Iterable<Column> columns,
        boolean keepStored) {
      Map<Column, AuditLog.Change> changes = new EnumMap<>(Column.class);
      for (Column column : columns) {
        Object incoming = row.values.get(column);
        Object current = stored.values().get(column);
        if (incoming == null || Objects.equals(incoming, current)) {
          continue;
        }
        if (keepStored && current != null) {
          problems.warning(parser.problem(row, column, "'" + TerminalText.quoted(incoming.toString())
              + "' differs from an earlier row of case " + row.text(Column.CASE_NUMBER) + "; kept '"
              + TerminalText.quoted(current.toString()) + "'"));
          warnings++;
          continue;
        }
        changes.put(column, new AuditLog.Change(current, incoming));
      }
      return changes;
    }

    private Team team(ParsedRow row) {
      String named = row.text(Column.TEAM);
      if (named == null) {
        if (defaultTeam == null) {
          row.rejections.add(parser.problem(row, Column.TEAM, "missing, and no --team given"));
        }
        return defaultTeam;
      }
      Team team = teamsByKey.get(TeamStore.nameKey(named));
      if (team == null) {
        row.rejections.add(parser.problem(row, Column.TEAM, "unknown team '" + TerminalText.quoted(named) + "'"));
      }
      return team;
    }
  }

  private static Map<Column, Object> merged(RosterStore.Stored stored, Map<Column, AuditLog.Change> changes) {
    Map<Column, Object> values = new EnumMap<>(Column.class);
    values.putAll(stored.values());
    changes.forEach((column, change) -> values.put(column, change.after()));
    return values;
  }

  private static Map<String, AuditLog.Change> byName(Map<Column, AuditLog.Change> changes) {
    Map<String, AuditLog.Change> named = new LinkedHashMap<>();
    changes.forEach((column, change) -> named.put(column.canonicalName(), change));
    return named;
  }

  /** Ids index the seen-sets; identity values of this scale fit an int. */
  private static int index(long id) {
    return Math.toIntExact(id);
  }
}

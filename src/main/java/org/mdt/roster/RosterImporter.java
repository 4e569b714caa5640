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
 * Imports one roster file by the rules of docs/DESIGN.md section 3, as one transaction: an upsert
 * on (team, case number, child name, child DOB) in which a blank cell never erases a stored value.
 * Rows stream through; what the import remembers of the rows it has seen is one bit per case and
 * per child id.
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
      HeaderDetector.Found header =
          new HeaderDetector(request.mapping())
              .find(source, request.mapping().headerRow(), file.getFileName().toString());
      Database.SqlWork<ImportResult> work =
          connection ->
              new Run(connection, request, source, header, problems, listener, sha256).rows();
      return request.dryRun() ? database.rolledBack(work) : database.inTransaction(work);
    } catch (IOException e) {
      throw MdtException.data("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw MdtException.data(
          "cannot read " + file.getFileName() + ": " + e.getCause().getMessage(), e);
    }
  }

  /** One pass over the rows of a file, inside its transaction. */
  private final class Run {
    private final Connection connection;
    private final ImportRequest request;
    private final SheetSource source;
    private final HeaderDetector.Found header;
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

    /** Cases stored before this import whose case-level values it changed. */
    private final BitSet casesChanged = new BitSet();

    /** For each case-level column, on how many cases stored before this import it changed. */
    private final Map<Column, Integer> changedFields = new EnumMap<>(Column.class);

    private final ImportHistory history;
    private int read;
    private int inserted;
    private int updated;
    private int unchanged;
    private int duplicates;
    private int rejected;
    private int warnings;
    private int formulasWithoutValue;
    private int possibleDobCorrections;
    private int reverts;

    Run(
        Connection connection,
        ImportRequest request,
        SheetSource source,
        HeaderDetector.Found header,
        ProblemSink problems,
        ImportListener listener,
        String sha256)
        throws SQLException {
      this.connection = connection;
      this.request = request;
      this.source = source;
      this.header = header;
      this.problems = problems;
      this.listener = listener;
      this.sha256 = sha256;
      this.audit = new AuditLog(connection, osUser, command, clock);
      TeamStore teams = new TeamStore(connection, audit);
      teams.teams().forEach(t -> teamsByKey.put(TeamStore.nameKey(t.name()), t));
      boolean fileNamesTeams = header.indexByColumn().containsKey(Column.TEAM);
      // Rows that name no team take --team, or the only team; a file that never names one needs one
      // of the two.
      defaultTeam =
          request.team() != null || !fileNamesTeams || teamsByKey.size() == 1
              ? teams.resolve(request.team())
              : null;
      parser =
          new RowParser(
              header,
              request.mapping(),
              new DateParser(
                  request.mapping().dateFormats(), LocalDate.now(clock), source.date1904()));
      history = RosterStore.history(connection);
    }

    ImportResult rows() throws SQLException {
      try (RosterStore store = new RosterStore(connection);
          ParsedRowStream rows = new ParsedRowStream(source, parser)) {
        long importId =
            store.insertImport(request.file().getFileName().toString(), sha256, now, osUser);
        for (ParsedRow row; (row = rows.next()) != null; ) {
          read++;
          handle(store, row, importId);
          listener.rowHandled(read, row.number);
        }
        ImportSummary summary =
            new ImportSummary(
                read,
                inserted,
                updated,
                unchanged,
                duplicates,
                rejected,
                warnings,
                formulasWithoutValue,
                casesChanged.cardinality(),
                possibleDobCorrections,
                reverts);
        store.finishImport(importId, summary);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("file", request.file().getFileName().toString());
        record.put("sha256", sha256);
        record.putAll(summary.asMap());
        audit.inserted("import", importId, record);
        Map<String, Integer> changed = new LinkedHashMap<>();
        changedFields.forEach((column, cases) -> changed.put(column.canonicalName(), cases));
        return new ImportResult(
            summary, header.ignoredHeaders(), header.repeatedHeaders(), changed);
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
      RosterStore.ChildMatch match = NO_CHILD;
      if (storedCase == null) {
        caseId = store.insertCase(team.id(), caseNumber, row.values, importId, now);
      } else {
        caseId = storedCase.id();
        match = store.findChild(caseId, row.childKey(), row.childNameKey());
        if (match.sameKey() != null && childrenSeen.get(index(match.sameKey().id()))) {
          duplicates++;
          problems.duplicate(
              new Problem(
                  row.number,
                  "",
                  "",
                  "duplicate of an earlier row (same team, case "
                      + caseNumber
                      + ", child name and DOB); not stored twice"));
          return;
        }
      }
      // warnings are about values stored: a rejected row's or a duplicate's would count cells kept
      // nowhere
      row.warnings.forEach(problems::warning);
      warnings += row.warnings.size();
      Map<Column, AuditLog.Change> caseChanges =
          storedCase == null ? Map.of() : applyCaseValues(store, storedCase, row);
      boolean reverted =
          !caseChanges.isEmpty()
              && !Objects.equals(storedCase.createdImport(), importId)
              && countCaseChanges(storedCase, row, caseChanges);
      casesSeen.set(index(caseId));
      RosterStore.Stored storedChild = match.sameKey();
      long childId;
      if (storedChild == null) {
        childId = store.insertChild(caseId, team.id(), row.childKey(), row.values, importId, now);
        inserted++;
        if (match.sameNameOnly() != null) {
          notePossibleDobCorrection(row, match.sameNameOnly());
        }
      } else {
        childId = storedChild.id();
        Map<Column, AuditLog.Change> changes =
            changes(storedChild, row, Column.CHILD_ROW_COLUMNS, false);
        if (!changes.isEmpty()) {
          store.updateChild(childId, merged(storedChild, changes), now);
          audit.updated(RosterStore.CHILD, childId, byName(changes));
          reverted |= explain(RosterStore.CHILD, storedChild, row, changes, false);
        }
        if (!caseChanges.isEmpty() || !changes.isEmpty()) {
          updated++;
        } else {
          unchanged++;
        }
      }
      if (reverted) {
        reverts++;
      }
      childrenSeen.set(index(childId));
    }

    /**
     * Case-level columns are shared by siblings. The first row of a case in this file may change
     * them; a later row of the same case only fills blanks, and a conflicting value is warned
     * about, so that importing the same file twice changes nothing the second time. Returns the
     * changes made.
     */
    private Map<Column, AuditLog.Change> applyCaseValues(
        RosterStore store, RosterStore.Stored storedCase, ParsedRow row) throws SQLException {
      boolean seenInFile = casesSeen.get(index(storedCase.id()));
      Map<Column, AuditLog.Change> changes =
          changes(storedCase, row, Column.CASE_COLUMNS, seenInFile);
      if (!changes.isEmpty()) {
        store.updateCase(storedCase.id(), merged(storedCase, changes), now);
        audit.updated(RosterStore.CASE, storedCase.id(), byName(changes));
      }
      return changes;
    }

    /**
     * Counts the changes to a case stored before this import, once per case and per column, and
     * tells of them; returns whether any sets a value back.
     */
    private boolean countCaseChanges(
        RosterStore.Stored storedCase, ParsedRow row, Map<Column, AuditLog.Change> changes) {
      casesChanged.set(index(storedCase.id()));
      changes.keySet().forEach(column -> changedFields.merge(column, 1, Integer::sum));
      return explain(RosterStore.CASE, storedCase, row, changes, true);
    }

    /**
     * The row's child has the name of a stored child of its case but another DOB. The DOB is part
     * of the key, so it is a new child as before; which DOB is right is for a person to say.
     */
    private void notePossibleDobCorrection(ParsedRow row, RosterStore.Stored sameName) {
      possibleDobCorrections++;
      warn(
          row,
          "possible DOB correction for case "
              + row.text(Column.CASE_NUMBER)
              + " (stored "
              + dob(sameName.values().get(Column.CHILD_DOB))
              + ", now "
              + dob(row.date(Column.CHILD_DOB))
              + "); not merged");
    }

    /**
     * Tells the coordinator what a row changed on a row stored before this import, so that no value
     * changes silently: a value set back to one that a later import (or command) had replaced is a
     * revert, naming that import; with {@code conflicts}, any other replaced value names where it
     * came from. Blanks filled are only counted. Returns whether the row reverts a field.
     */
    private boolean explain(
        String entity,
        RosterStore.Stored stored,
        ParsedRow row,
        Map<Column, AuditLog.Change> changes,
        boolean conflicts) {
      boolean reverted = false;
      String caseNumber = row.text(Column.CASE_NUMBER);
      for (Map.Entry<Column, AuditLog.Change> entry : changes.entrySet()) {
        Column column = entry.getKey();
        Object before = entry.getValue().before();
        Object after = entry.getValue().after();
        ImportHistory.Source undone = history.replaced(entity, stored.id(), column, after);
        if (undone != null) {
          reverted = true;
          warn(
              row,
              "case "
                  + caseNumber
                  + " "
                  + column.canonicalName()
                  + " goes back to "
                  + quoted(after)
                  + ", as before "
                  + undone.label());
        } else if (conflicts && before != null) {
          ImportHistory.Source source =
              history.setBy(entity, stored.id(), stored.createdImport(), column);
          warn(
              row,
              "case "
                  + caseNumber
                  + ": "
                  + column.canonicalName()
                  + " was "
                  + quoted(before)
                  + (source == null ? "" : " (" + source.from() + ")")
                  + ", now "
                  + quoted(after));
        }
      }
      return reverted;
    }

    /** A warning about the whole row, counted with the others. */
    private void warn(ParsedRow row, String reason) {
      problems.warning(new Problem(row.number, "", "", reason));
      warnings++;
    }

    /** The columns whose value in the row differs from the stored one; blanks never count. */
    private Map<Column, AuditLog.Change> changes(
        RosterStore.Stored stored, ParsedRow row, Iterable<Column> columns, boolean keepStored) {
      Map<Column, AuditLog.Change> changes = new EnumMap<>(Column.class);
      for (Column column : columns) {
        Object incoming = row.values.get(column);
        Object current = stored.values().get(column);
        if (incoming == null || Objects.equals(incoming, current)) {
          continue;
        }
        if (keepStored && current != null) {
          problems.warning(
              parser.problem(
                  row,
                  column,
                  "'"
                      + TerminalText.quoted(incoming.toString())
                      + "' differs from an earlier row of case "
                      + row.text(Column.CASE_NUMBER)
                      + "; kept '"
                      + TerminalText.quoted(current.toString())
                      + "'"));
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
        row.rejections.add(
            parser.problem(row, Column.TEAM, "unknown team '" + TerminalText.quoted(named) + "'"));
      }
      return team;
    }
  }

  /** No case stored yet, so no children to match. */
  private static final RosterStore.ChildMatch NO_CHILD = new RosterStore.ChildMatch(null, null);

  private static String quoted(Object value) {
    return "'" + TerminalText.quoted(value.toString()) + "'";
  }

  private static String dob(Object value) {
    return value == null ? "no DOB" : value.toString();
  }

  private static Map<Column, Object> merged(
      RosterStore.Stored stored, Map<Column, AuditLog.Change> changes) {
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

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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import org.mdt.MdtException;
import org.mdt.cases.Column;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.db.ImportCopy;
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

  /**
   * Imports the file. The same file again, onto what it left, is recorded without reading a row.
   * Otherwise the rows go to a copy of the database file that replaces it once they are committed
   * ({@link ImportCopy}), and the database this importer was given is closed when this returns; a
   * dry run reads them in a transaction it rolls back.
   */
  public ImportResult run(ImportRequest request, ProblemSink problems, ImportListener listener) {
    Path file = request.file();
    if (!Files.isRegularFile(file)) {
      throw MdtException.data("no such file: " + file);
    }
    String sheet = request.sheet() != null ? request.sheet() : request.mapping().sheet();
    long size = size(file);
    Future<String> digest = FileDigest.start(file);
    ImportResult again = replayed(request, size, digest, problems);
    if (again != null) {
      return again;
    }
    try (SheetSource source = SheetSources.open(file, sheet)) {
      HeaderDetector.Found header =
          new HeaderDetector(request.mapping())
              .find(source, request.mapping().headerRow(), file.getFileName().toString());
      String sha256 = FileDigest.await(digest);
      Database.SqlWork<ImportResult> work =
          connection ->
              new Run(connection, request, source, header, problems, listener, sha256, size).rows();
      if (request.dryRun()) {
        return database.rolledBack(work);
      }
      try (ImportCopy copy = ImportCopy.of(database)) {
        ImportResult result = copy.database().inLargeTransaction(work);
        return result.compacted(copy.replaceOriginal());
      }
    } catch (IOException e) {
      throw MdtException.data("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw MdtException.data(
          "cannot read " + file.getFileName() + ": " + e.getCause().getMessage(), e);
    }
  }

  /**
   * The recorded outcome of the latest import, when this one imports the same file again onto what
   * it left (docs/DESIGN.md section 3.11): recorded like any import, with the same problems and
   * counts a pass over the rows would give. Null, with nothing written, when it does not hold.
   */
  private ImportResult replayed(
      ImportRequest request, long size, Future<String> digest, ProblemSink problems) {
    Database.SqlWork<ImportResult> work =
        connection -> {
          ImportReplay.Saved saved = RosterStore.savedReplay(connection);
          if (saved == null
              || !saved.holdsFor(size, AuditLog.head(connection), LocalDate.now(clock))) {
            return null;
          }
          String sha256 = FileDigest.await(digest);
          ImportReplay.Outcome outcome;
          if (!saved.inputs().equals(ImportReplay.inputs(sha256, request))
              || (outcome = ImportReplay.check(saved.outcome())) == null) {
            return null;
          }
          long importId;
          try (RosterStore store = new RosterStore(connection)) {
            importId =
                store.insertImport(
                    request.file().getFileName().toString(),
                    sha256,
                    OffsetDateTime.now(clock),
                    osUser);
            store.finishImport(importId, outcome.summary());
          }
          Map<String, Object> record = importRecord(request, sha256, outcome.summary());
          record.put("sameAs", saved.importId());
          new AuditLog(connection, osUser, command, clock).inserted("import", importId, record);
          ImportReplay.replay(saved.outcome(), problems);
          RosterStore.keepReplay(
              connection,
              new ImportReplay.Saved(
                  importId,
                  saved.inputs(),
                  size,
                  AuditLog.head(connection),
                  saved.madeOn(),
                  saved.laterDays(),
                  saved.outcome()));
          return new ImportResult(
              outcome.summary(),
              outcome.ignoredHeaders(),
              outcome.repeatedHeaders(),
              Map.of(),
              saved.importId(),
              false);
        };
    try {
      return request.dryRun() ? database.rolledBack(work) : database.inTransaction(work);
    } catch (UncheckedIOException e) {
      throw MdtException.data(
          "cannot read " + request.file().getFileName() + ": " + e.getCause().getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw MdtException.data("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  /** What the audit trail keeps of an import: its file and the summary. */
  private static Map<String, Object> importRecord(
      ImportRequest request, String sha256, ImportSummary summary) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("file", request.file().getFileName().toString());
    record.put("sha256", sha256);
    record.putAll(summary.asMap());
    return record;
  }

  /** One pass over the rows of a file, inside its transaction. */
  private final class Run {
    private final Connection connection;
    private final ImportRequest request;
    private final SheetSource source;
    private final HeaderDetector.Found header;
    private final ImportReplay.Recorder problems;
    private final long fileSize;
    private final ImportListener listener;
    private final String sha256;
    private final DateParser dates;
    private final RowParser parser;
    private final OffsetDateTime now = OffsetDateTime.now(clock);
    private final AuditLog audit;
    private final Map<String, Team> teamsByKey = new HashMap<>();
    private final Team defaultTeam;

    /**
     * The ids of cases and children stored before this import that a row of it named; those this
     * import created carry its id as their created_import_id.
     */
    private final BitSet casesSeen = new BitSet();

    private final BitSet childrenSeen = new BitSet();

    /** No case stored yet, so no children to match. */
    private static final ChildMatch NO_CHILD = new ChildMatch(null, null);

    /** The import's own record, written first. */
    private long importId;

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
        String sha256,
        long fileSize)
        throws SQLException {
      this.connection = connection;
      this.request = request;
      this.source = source;
      this.header = header;
      this.problems = new ImportReplay.Recorder(problems);
      this.fileSize = fileSize;
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
      dates =
          new DateParser(request.mapping().dateFormats(), LocalDate.now(clock), source.date1904());
      parser = new RowParser(header, request.mapping(), dates);
      history = RosterStore.history(connection);
    }

    ImportResult rows() throws SQLException {
      try (RosterStore store = new RosterStore(connection);
          ParsedRowStream rows = new ParsedRowStream(source, parser)) {
        importId = store.insertImport(request.file().getFileName().toString(), sha256, now, osUser);
        List<ParsedRow> chunk = new ArrayList<>(CHUNK_ROWS);
        for (ParsedRow row; (row = rows.next()) != null; ) {
          chunk.add(row);
          if (chunk.size() == CHUNK_ROWS) {
            handle(store, chunk);
            chunk.clear();
          }
        }
        handle(store, chunk);
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
        audit.inserted("import", importId, importRecord(request, sha256, summary));
        keepReplay();
        Map<String, Integer> changed = new LinkedHashMap<>();
        changedFields.forEach((column, cases) -> changed.put(column.canonicalName(), cases));
        return new ImportResult(
            summary, header.ignoredHeaders(), header.repeatedHeaders(), changed, null, false);
      }
    }

    /**
     * Records what importing this file again would give: every row stored is then unchanged, and
     * only the file's own problems come again.
     */
    private void keepReplay() throws SQLException {
      ImportSummary again =
          new ImportSummary(
              read,
              0,
              0,
              inserted + updated + unchanged,
              duplicates,
              rejected,
              problems.repeatedWarnings(),
              formulasWithoutValue,
              0,
              0,
              0);
      byte[] outcome = problems.finish(again, header.ignoredHeaders(), header.repeatedHeaders());
      RosterStore.keepReplay(
          connection,
          outcome == null
              ? null
              : new ImportReplay.Saved(
                  importId,
                  ImportReplay.inputs(sha256, request),
                  fileSize,
                  AuditLog.head(connection),
                  now.toLocalDate(),
                  dates.sameOnLaterDays(),
                  outcome));
    }

    /**
     * One chunk of rows: their stored cases and children are read in two queries, each row is
     * decided in memory in file order (a row sees what the rows before it did), and what changed is
     * written in batches.
     */
    private void handle(RosterStore store, List<ParsedRow> chunk) throws SQLException {
      Chunk work = new Chunk(store, chunk);
      for (ParsedRow row : chunk) {
        read++;
        handle(work, row);
        listener.rowHandled(read, row.number);
      }
      work.write();
    }

    private void handle(Chunk work, ParsedRow row) {
      formulasWithoutValue += row.formulasWithoutValue;
      if (row.rejected()) {
        rejected++;
        row.rejections.forEach(problems::rejected);
        return;
      }
      String caseNumber = row.text(Column.CASE_NUMBER);
      CaseState storedCase = work.caseOf(row);
      ChildMatch match = NO_CHILD;
      CaseState rowCase;
      if (storedCase == null) {
        rowCase = work.newCase(row);
      } else {
        rowCase = storedCase;
        match = storedCase.match(row.childKey(), row.childNameKey());
        if (match.sameKey() != null && match.sameKey().seen) {
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
          storedCase == null ? Map.of() : applyCaseValues(work, storedCase, row);
      boolean reverted =
          !caseChanges.isEmpty()
              && !storedCase.createdHere()
              && countCaseChanges(storedCase, row, caseChanges);
      rowCase.markSeen();
      ChildState storedChild = match.sameKey();
      if (storedChild == null) {
        rowCase.children.add(work.newChild(rowCase, row));
        inserted++;
        if (match.sameNameOnly() != null) {
          notePossibleDobCorrection(row, match.sameNameOnly());
        }
      } else {
        Map<Column, AuditLog.Change> changes =
            changes(storedChild, row, Column.CHILD_ROW_COLUMNS, false);
        if (!changes.isEmpty()) {
          storedChild.apply(changes);
          work.auditUpdate(RosterStore.CHILD, storedChild, changes);
          reverted |= explain(RosterStore.CHILD, storedChild, row, changes, false);
        }
        if (!caseChanges.isEmpty() || !changes.isEmpty()) {
          updated++;
        } else {
          unchanged++;
        }
        storedChild.markSeen();
      }
      if (reverted) {
        reverts++;
      }
    }

    /**
     * Case-level columns are shared by siblings. The first row of a case in this file may change
     * them; a later row of the same case only fills blanks, and a conflicting value is warned
     * about, so that importing the same file twice changes nothing the second time. Returns the
     * changes made.
     */
    private Map<Column, AuditLog.Change> applyCaseValues(
        Chunk work, CaseState storedCase, ParsedRow row) {
      Map<Column, AuditLog.Change> changes =
          changes(storedCase, row, Column.CASE_COLUMNS, storedCase.seen);
      if (!changes.isEmpty()) {
        storedCase.apply(changes);
        work.auditUpdate(RosterStore.CASE, storedCase, changes);
      }
      return changes;
    }

    /**
     * Counts the changes to a case stored before this import, once per case and per column, and
     * tells of them; returns whether any sets a value back.
     */
    private boolean countCaseChanges(
        CaseState storedCase, ParsedRow row, Map<Column, AuditLog.Change> changes) {
      casesChanged.set(index(storedCase.id));
      changes.keySet().forEach(column -> changedFields.merge(column, 1, Integer::sum));
      return explain(RosterStore.CASE, storedCase, row, changes, true);
    }

    /**
     * The row's child has the name of a stored child of its case but another DOB. The DOB is part
     * of the key, so it is a new child as before; which DOB is right is for a person to say.
     */
    private void notePossibleDobCorrection(ParsedRow row, ChildState sameName) {
      possibleDobCorrections++;
      warn(
          row,
          "possible DOB correction for case "
              + row.text(Column.CASE_NUMBER)
              + " (stored "
              + dob(sameName.values.get(Column.CHILD_DOB))
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
        RowState stored,
        ParsedRow row,
        Map<Column, AuditLog.Change> changes,
        boolean conflicts) {
      boolean reverted = false;
      String caseNumber = row.text(Column.CASE_NUMBER);
      for (Map.Entry<Column, AuditLog.Change> entry : changes.entrySet()) {
        Column column = entry.getKey();
        Object before = entry.getValue().before();
        Object after = entry.getValue().after();
        ImportHistory.Source undone = history.replaced(entity, stored.id, column, after);
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
              history.setBy(entity, stored.id, stored.createdImport, column);
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

    /**
     * A warning about the whole row against what was stored before this import, counted with the
     * others; importing the file again does not repeat it.
     */
    private void warn(ParsedRow row, String reason) {
      problems.warningNotRepeated(new Problem(row.number, "", "", reason));
      warnings++;
    }

    /** The columns whose value in the row differs from the stored one; blanks never count. */
    private Map<Column, AuditLog.Change> changes(
        RowState stored, ParsedRow row, Iterable<Column> columns, boolean keepStored) {
      Map<Column, AuditLog.Change> changes = new EnumMap<>(Column.class);
      for (Column column : columns) {
        Object incoming = row.values.get(column);
        Object current = stored.values.get(column);
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

    /** A case or child as this import sees it: stored before, or new in this import. */
    private class RowState {
      /** Null until a new row is written. */
      Long id;

      final Map<Column, Object> values;
      final Long createdImport;

      /** Read from the database, so a change is an update. */
      final boolean stored;

      /** An earlier row of this file named it, so it now only takes values for its blanks. */
      boolean seen;

      boolean changed;

      private final BitSet seenIds;

      RowState(RosterStore.Stored row, BitSet seenIds) {
        this.id = row.id();
        this.values = row.values();
        this.createdImport = row.createdImport();
        this.stored = true;
        this.seenIds = seenIds;
        this.seen = createdHere() || seenIds.get(index(row.id()));
      }

      RowState(Map<Column, Object> rowValues, List<Column> columns, BitSet seenIds) {
        this.values = new EnumMap<>(Column.class);
        for (Column column : columns) {
          Object value = rowValues.get(column);
          if (value != null) {
            values.put(column, value);
          }
        }
        this.createdImport = importId;
        this.stored = false;
        this.seenIds = seenIds;
        this.seen = true;
      }

      /** Made by this import, which needs no trail of its own changes to it. */
      boolean createdHere() {
        return Objects.equals(createdImport, importId);
      }

      void apply(Map<Column, AuditLog.Change> changes) {
        changes.forEach((column, change) -> values.put(column, change.after()));
        changed = true;
      }

      void markSeen() {
        seen = true;
        if (id != null) {
          seenIds.set(index(id));
        }
      }
    }

    private final class CaseState extends RowState {
      final long teamId;
      final String caseNumber;
      final List<ChildState> children = new ArrayList<>(2);

      CaseState(long teamId, String caseNumber, RosterStore.Stored row) {
        super(row, casesSeen);
        this.teamId = teamId;
        this.caseNumber = caseNumber;
      }

      CaseState(long teamId, ParsedRow row) {
        super(row.values, Column.CASE_COLUMNS, casesSeen);
        this.teamId = teamId;
        this.caseNumber = row.text(Column.CASE_NUMBER);
      }

      /**
       * The child with this key, or one whose key starts with the same {@code nameKey} (same name,
       * another DOB).
       */
      ChildMatch match(String matchKey, String nameKey) {
        ChildState sameName = null;
        for (ChildState child : children) {
          if (child.matchKey.equals(matchKey)) {
            return new ChildMatch(child, null);
          }
          if (sameName == null && nameKey != null && child.matchKey.startsWith(nameKey)) {
            sameName = child;
          }
        }
        return new ChildMatch(null, sameName);
      }
    }

    private final class ChildState extends RowState {
      final String matchKey;

      ChildState(RosterStore.StoredChild child) {
        super(child.row(), childrenSeen);
        this.matchKey = child.matchKey();
      }

      ChildState(ParsedRow row) {
        super(row.values, Column.CHILD_ROW_COLUMNS, childrenSeen);
        this.matchKey = row.childKey();
      }
    }

    /**
     * What a case's children say about a row's child: the child with the row's key, else (null) a
     * child with the same name and another DOB, else both null.
     */
    private record ChildMatch(ChildState sameKey, ChildState sameNameOnly) {}

    /** The stored rows one chunk of the file names, and what it adds and changes. */
    private final class Chunk {
      private final RosterStore store;
      private final Map<CaseKey, CaseState> cases = new HashMap<>();
      private final Map<ParsedRow, Team> teams = new IdentityHashMap<>();
      private final List<CaseState> newCases = new ArrayList<>();
      private final List<ChildState> newChildren = new ArrayList<>();
      private final List<CaseState> parents = new ArrayList<>();
      private final List<ChildState> storedChildren = new ArrayList<>();
      private final AuditLog.Batch trail = audit.batch();

      /** Resolves each row's team and reads the stored cases the rows name, with their children. */
      Chunk(RosterStore store, List<ParsedRow> rows) throws SQLException {
        this.store = store;
        Map<Long, Set<String>> caseNumbers = new HashMap<>();
        for (ParsedRow row : rows) {
          Team team = row.rejected() ? null : team(row);
          if (!row.rejected()) { // team() rejects a row that names no known team
            teams.put(row, team);
            caseNumbers
                .computeIfAbsent(team.id(), id -> new HashSet<>())
                .add(row.text(Column.CASE_NUMBER));
          }
        }
        Map<Long, CaseState> byId = new HashMap<>();
        for (Map.Entry<Long, Set<String>> team : caseNumbers.entrySet()) {
          long teamId = team.getKey();
          store
              .findCases(teamId, team.getValue())
              .forEach(
                  (number, stored) -> {
                    CaseState state = new CaseState(teamId, number, stored);
                    cases.put(new CaseKey(teamId, number), state);
                    byId.put(stored.id(), state);
                  });
        }
        store
            .findChildren(byId.keySet())
            .forEach(
                (caseId, children) ->
                    children.forEach(
                        child -> {
                          ChildState state = new ChildState(child);
                          byId.get(caseId).children.add(state);
                          storedChildren.add(state);
                        }));
      }

      /** The case a row names, stored or added by an earlier row; null when it is new. */
      CaseState caseOf(ParsedRow row) {
        return cases.get(new CaseKey(teams.get(row).id(), row.text(Column.CASE_NUMBER)));
      }

      CaseState newCase(ParsedRow row) {
        CaseState state = new CaseState(teams.get(row).id(), row);
        cases.put(new CaseKey(state.teamId, state.caseNumber), state);
        newCases.add(state);
        return state;
      }

      ChildState newChild(CaseState parent, ParsedRow row) {
        ChildState child = new ChildState(row);
        newChildren.add(child);
        parents.add(parent);
        return child;
      }

      /** Trails an update of a row stored before this import. */
      void auditUpdate(String entity, RowState row, Map<Column, AuditLog.Change> changes) {
        if (!row.createdHere()) {
          trail.updated(entity, row.id, byName(changes));
        }
      }

      /** Writes the chunk: new cases first, for their ids; then updates, children and the trail. */
      void write() throws SQLException {
        if (!newCases.isEmpty()) {
          long[] ids =
              store.insertCases(
                  newCases.stream()
                      .map(c -> new RosterStore.NewRow(c.teamId, c.caseNumber, c.values))
                      .toList(),
                  importId,
                  now);
          for (int i = 0; i < ids.length; i++) {
            newCases.get(i).id = ids[i];
            newCases.get(i).markSeen();
          }
        }
        store.updateCases(changedValues(cases.values()), now);
        if (!newChildren.isEmpty()) {
          long[] caseIds = parents.stream().mapToLong(parent -> parent.id).toArray();
          List<RosterStore.NewRow> rows = new ArrayList<>(newChildren.size());
          for (int i = 0; i < caseIds.length; i++) {
            ChildState child = newChildren.get(i);
            rows.add(new RosterStore.NewRow(parents.get(i).teamId, child.matchKey, child.values));
          }
          store.insertChildren(rows, caseIds, importId, now);
        }
        store.updateChildren(changedValues(storedChildren), now);
        trail.flush();
      }

      private static Map<Long, Map<Column, Object>> changedValues(
          Collection<? extends RowState> rows) {
        Map<Long, Map<Column, Object>> changed = new LinkedHashMap<>();
        for (RowState row : rows) {
          if (row.stored && row.changed) {
            changed.put(row.id, row.values);
          }
        }
        return changed;
      }
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

  /** A case's key: its team and case number. */
  private record CaseKey(long teamId, String caseNumber) {}

  /** How many rows an import reads, decides and writes at a time. */
  private static final int CHUNK_ROWS = 1_000;

  private static String quoted(Object value) {
    return "'" + TerminalText.quoted(value.toString()) + "'";
  }

  private static String dob(Object value) {
    return value == null ? "no DOB" : value.toString();
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

package org.mdt.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mdt.cases.Column;

/**
 * What earlier imports did to stored cases and children, read once per import from the import
 * records and the audit trail (so that no row of the import queries the trail): which import set a
 * field's current value, and which values a later import replaced. It holds a few strings for every
 * field an import ever changed; values repeat (codes, dates) and are kept once.
 */
final class ImportHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The columns by canonical name, looked up once per changed field of the trail. */
  private static final Map<String, Column> COLUMNS = new HashMap<>();

  static {
    for (Column column : Column.values()) {
      COLUMNS.put(column.canonicalName(), column);
    }
  }

  /**
   * Where a stored value came from: an import (its number, file and day), or another command on a
   * day.
   */
  record Source(Long importId, String file, String command, LocalDate day) {
    /** As a conflict names the source of the value it replaces: "from FILE, DAY". */
    String from() {
      return importId != null ? "from " + file + ", " + day : "set by '" + command + "', " + day;
    }

    /** As a revert names the change it undoes: "import N (FILE, DAY)". */
    String label() {
      return importId != null
          ? "import " + importId + " (" + file + ", " + day + ")"
          : "'" + command + "' (" + day + ")";
    }
  }

  /**
   * One change of one field of one row: the value it replaced (null: a blank filled), and by what.
   */
  private record Step(Column column, String before, Source source) {}

  /** An audit row read before the import record that tells which import wrote it. */
  private record Pending(String entity, long id, String command, LocalDate day, String changes) {}

  private final Map<Long, Source> imports = new HashMap<>();
  private final Map<String, Map<Long, List<Step>>> stepsByEntity = new HashMap<>();
  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, String> values = new HashMap<>();

  void addImport(long id, String file, LocalDate day) {
    imports.put(id, new Source(id, file, null, day));
  }

  /**
   * Takes the audit trail in its order. An import appends its record ({@code entity = 'import'})
   * after the updates it made, in one transaction, so the updates before it with its command are
   * its own; an update no import record claims was made by another command.
   */
  void addAuditRow(String entity, long id, String command, LocalDate day, String changes) {
    if (!entity.equals("import")) {
      pending.add(new Pending(entity, id, command, day, changes));
      return;
    }
    Source source = imports.get(id);
    for (Pending row : pending) {
      add(row, source != null && row.command().equals(command) ? source : null);
    }
    pending.clear();
  }

  /** Call after the last audit row. */
  ImportHistory finish() {
    pending.forEach(row -> add(row, null));
    pending.clear();
    return this;
  }

  private void add(Pending row, Source source) {
    Source by = source != null ? source : new Source(null, null, row.command(), row.day());
    List<Step> steps =
        stepsByEntity
            .computeIfAbsent(row.entity(), e -> new HashMap<>())
            .computeIfAbsent(row.id(), id -> new ArrayList<>(2));
    try {
      Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(row.changes()).fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        Column column = COLUMNS.get(field.getKey());
        JsonNode before = field.getValue().path(0);
        if (column != null) {
          steps.add(new Step(column, before.isTextual() ? once(before.asText()) : null, by));
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "unreadable audit row of " + row.entity() + " " + row.id(), e);
    }
  }

  private String once(String value) {
    return values.computeIfAbsent(value, v -> v);
  }

  /**
   * What set the current value of a field of a stored row: the last change the trail records, else
   * the import that created the row; null when neither is known.
   */
  Source setBy(String entity, long id, Long createdImport, Column column) {
    List<Step> steps = steps(entity, id);
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).column() == column) {
        return steps.get(i).source();
      }
    }
    return createdImport == null ? null : imports.get(createdImport);
  }

  /**
   * The last change that replaced {@code value} in this field of a stored row, or null if none did.
   */
  Source replaced(String entity, long id, Column column, Object value) {
    String text = value.toString();
    List<Step> steps = steps(entity, id);
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step step = steps.get(i);
      if (step.column() == column && text.equals(step.before())) {
        return step.source();
      }
    }
    return null;
  }

  private List<Step> steps(String entity, long id) {
    return stepsByEntity.getOrDefault(entity, Map.of()).getOrDefault(id, List.of());
  }
}

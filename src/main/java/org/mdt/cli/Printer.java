package org.mdt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mdt.codes.Codes;
import org.mdt.report.Report;
import org.mdt.report.SpreadsheetText;
import org.mdt.text.Table;
import org.mdt.text.TerminalText;

/**
 * Writes results to stdout in the chosen format: an aligned text table, CSV with a header row, or
 * JSON and nothing else (so that it pipes into jq). CSV cells that a spreadsheet would run as a
 * formula are neutralised with a leading apostrophe. Stdout is often a terminal: table and CSV text
 * shows characters a terminal would run as {@link TerminalText#STAND_IN} (a CSV cell keeps no line
 * break either), and JSON writes them as \\u escapes, which keep the value.
 */
public final class Printer {
  /** Line ends on stdout, so that CSV pipes into Unix tools. */
  static final String PIPE_LINE_END = "\n";

  /** Line ends of a CSV file: RFC 4180's, which Excel expects. */
  static final String FILE_LINE_END = "\r\n";

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PrintWriter out;
  private final OutputFormat format;
  private final String csvLineEnd;

  /**
   * The zone a person reads times in: the machine's (the context clock's), never the database's
   * UTC.
   */
  private final ZoneId zone;

  /**
   * Jackson escapes C0 controls itself; DEL, C1 controls and bidi overrides would reach the
   * terminal raw.
   */
  private static final CharacterEscapes TERMINAL_SAFE_JSON =
      new CharacterEscapes() {
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        {
          asciiEscapes[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
          return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
          return TerminalText.isUnsafe(ch)
              ? new SerializedString(String.format("\\u%04X", ch))
              : null;
        }
      };

  /** Stdout: CSV rows end in LF, and table times are shown in {@code zone}. */
  Printer(PrintWriter out, OutputFormat format, ZoneId zone) {
    this(out, format, PIPE_LINE_END, zone);
  }

  Printer(PrintWriter out, OutputFormat format) {
    this(out, format, PIPE_LINE_END, ZoneOffset.UTC);
  }

  /**
   * For a file, whose CSV rows end in {@code csvLineEnd}: its tables hold no times of day, and its
   * CSV and JSON give times as stored, in ISO form.
   */
  Printer(PrintWriter out, OutputFormat format, String csvLineEnd) {
    this(out, format, csvLineEnd, ZoneOffset.UTC);
  }

  private Printer(PrintWriter out, OutputFormat format, String csvLineEnd, ZoneId zone) {
    this.out = out;
    this.format = format;
    this.csvLineEnd = csvLineEnd;
    this.zone = zone;
  }

  public OutputFormat format() {
    return format;
  }

  /** Many rows: a table, CSV rows, or a JSON array of objects. */
  public void table(Table table) {
    switch (format) {
      case JSON -> json(objects(table));
      case CSV -> csv(table.keys(), table.rows());
      case TABLE -> text(table.titles(), labelled(table));
    }
    out.flush();
  }

  /** The rows as a person reads them: a coded column's codes by their labels. */
  private static List<List<Object>> labelled(Table table) {
    List<Table.Column> columns = table.columns();
    if (columns.stream().noneMatch(Table.Column::coded)) {
      return table.rows();
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      List<Object> shown = new ArrayList<>(row);
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).coded() && shown.get(i) instanceof String code && !code.isEmpty()) {
          shown.set(i, Codes.label(code));
        }
      }
      rows.add(shown);
    }
    return rows;
  }

  /** One object: "key value" lines, a one-row CSV, or a JSON object. */
  public void record(Map<String, ?> record) {
    List<Object> values = new ArrayList<>(record.values());
    switch (format) {
      case JSON -> json(record);
      case CSV -> csv(new ArrayList<>(record.keySet()), List.of(values));
      case TABLE -> {
        int width = record.keySet().stream().mapToInt(String::length).max().orElse(0);
        record.forEach((key, value) -> out.println(pad(cell(key), width) + "  " + cell(value)));
      }
    }
    out.flush();
  }

  /** Label and value lines under a title (none: no title line), for {@link #detail}. */
  record Titled(String title, Map<String, ?> values) {}

  /**
   * One thing in detail (a case and its children): its JSON value, its rows as CSV, or in the
   * aligned format each part as "label value" lines, a blank line and the part's title between
   * parts, so that no line is as wide as a row of thirty columns.
   */
  public void detail(Object json, Table rows, List<Titled> parts) {
    switch (format) {
      case JSON -> json(json);
      case CSV -> table(rows);
      case TABLE -> {
        for (int i = 0; i < parts.size(); i++) {
          if (i > 0) {
            out.println();
          }
          if (parts.get(i).title() != null) {
            out.println(TerminalText.safe(parts.get(i).title()));
          }
          record(parts.get(i).values());
        }
      }
    }
    out.flush();
  }

  /** A report: its JSON value, its rows as CSV, or its heading (if any) above its aligned table. */
  public void report(Report report) {
    result(report.heading().orElse(null), report.json(), report.table());
  }

  /**
   * A result with a JSON form of its own beside its table (a report, an agenda): the JSON, the
   * table as CSV, or the heading (null: none) above the aligned table.
   */
  public void result(String heading, Object json, Table table) {
    switch (format) {
      case JSON -> json(json);
      case CSV -> table(table);
      case TABLE -> {
        if (heading != null) {
          heading(heading);
        }
        table(table);
      }
    }
  }

  /**
   * A further table under a result, with its heading and a blank line above, in the aligned text
   * format only: CSV holds one table, and the result's JSON already carries what the section shows
   * (the agenda's rolled-over cases).
   */
  public void section(String heading, Table table) {
    if (format == OutputFormat.TABLE) {
      out.println();
      heading(heading);
      table(table);
    }
  }

  /** A heading (one line or several) and a blank line above a table. */
  private void heading(String text) {
    text.lines().forEach(line -> out.println(TerminalText.safe(line)));
    out.println();
  }

  /**
   * A nested result as JSON; callers use {@link #table} or {@link #record} for the other formats.
   */
  public void json(Object value) {
    try {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      mapper.getFactory().setCharacterEscapes(TERMINAL_SAFE_JSON);
      out.println(mapper.writeValueAsString(jsonSafe(value)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result not serialisable", e);
    }
    out.flush();
  }

  private static List<Map<String, Object>> objects(Table table) {
    List<Map<String, Object>> objects = new ArrayList<>();
    List<String> keys = table.keys();
    for (List<Object> row : table.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        object.put(keys.get(i), row.get(i));
      }
      objects.add(object);
    }
    return objects;
  }

  /**
   * Dates and times as ISO text; Jackson's java.time module is not worth its start-up cost here.
   */
  private static Object jsonSafe(Object value) {
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, jsonSafe(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Printer::jsonSafe).toList();
    }
    return value;
  }

  private void csv(List<String> keys, List<List<Object>> rows) {
    try (SequenceWriter csv = csvWriter(nonClosing(out), csvLineEnd)) {
      csv.write(new ArrayList<Object>(keys));
      for (List<Object> row : rows) {
        csv.write(neutralised(row).stream().map(cell -> TerminalText.safe((String) cell)).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV with "\n" line ends and quotes only on cells that need them. */
  static SequenceWriter csvWriter(Writer writer) throws IOException {
    return csvWriter(writer, PIPE_LINE_END);
  }

  /** Every CSV mdt writes: quotes only on cells that need them, rows ending in {@code lineEnd}. */
  static SequenceWriter csvWriter(Writer writer, String lineEnd) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    return mapper.writer(CsvSchema.emptySchema().withLineSeparator(lineEnd)).writeValues(writer);
  }

  /** A CSV row with its text cells neutralised against formula injection. */
  static List<Object> neutralised(List<?> row) {
    return row.stream().map(Printer::neutralised).toList();
  }

  private static Writer nonClosing(Writer writer) {
    return new java.io.FilterWriter(writer) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Spreadsheet formula injection: text a spreadsheet would run is neutralised. */
  static Object neutralised(Object value) {
    if (value instanceof String text) {
      return SpreadsheetText.neutralised(text);
    }
    return value == null ? "" : value.toString();
  }

  private void text(List<String> titles, List<List<Object>> rows) {
    int[] widths = new int[titles.size()];
    boolean[] numeric = new boolean[titles.size()];
    for (int i = 0; i < titles.size(); i++) {
      widths[i] = titles.get(i).length();
      numeric[i] = !rows.isEmpty();
    }
    for (List<Object> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], cell(row.get(i)).length());
        numeric[i] &= row.get(i) == null || row.get(i) instanceof Number;
      }
    }
    out.println(
        line(titles.stream().map(t -> (Object) t).toList(), widths, new boolean[widths.length]));
    for (List<Object> row : rows) {
      out.println(line(row, widths, numeric));
    }
  }

  private String line(List<Object> values, int[] widths, boolean[] rightAligned) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String cell = cell(values.get(i));
      boolean last = i == values.size() - 1;
      if (rightAligned[i]) {
        line.append(" ".repeat(widths[i] - cell.length())).append(cell);
      } else {
        line.append(last ? cell : pad(cell, widths[i]));
      }
      if (!last) {
        line.append("  ");
      }
    }
    return line.toString().stripTrailing();
  }

  /**
   * A value as a person reads it in a table: a moment (a follow-up's change, an audit entry) in the
   * local zone to the second, "2025-01-07 06:30:00", where its ISO form was UTC to the minute,
   * "2025-01-07T11:30Z".
   */
  private String cell(Object value) {
    if (value instanceof OffsetDateTime moment) {
      return LOCAL_TIME.format(moment.atZoneSameInstant(zone));
    }
    if (value instanceof Instant moment) {
      return LOCAL_TIME.format(moment.atZone(zone));
    }
    return value == null ? "" : TerminalText.safe(value.toString());
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}

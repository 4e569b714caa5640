package org.mdt.roster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mdt.MdtException;
import org.mdt.cases.Column;
import org.mdt.codes.CodeList;

/**
 * A team's own words (docs/DESIGN.md section 3): {@code {"sheet": "Roster", "headerRow": 3,
 * "columns": {"Perp Rel.": "offender_relationship"}, "values": {"abuse_types": {"Sx Ab":
 * "sexual_abuse"}}, "dateFormats": ["d.M.yyyy"]}}; every key optional. Checked whole when read, so
 * that a typo fails before any row.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MappingFile(
    String sheet,
    Integer headerRow,
    Map<String, String> columns,
    Map<String, Map<String, String>> values,
    List<String> dateFormats) {

  public static final MappingFile NONE = new MappingFile(null, null, Map.of(), Map.of(), List.of());

  public MappingFile {
    columns = columns == null ? Map.of() : columns;
    values = values == null ? Map.of() : values;
    dateFormats = dateFormats == null ? List.of() : dateFormats;
  }

  public static MappingFile read(Path path) {
    MappingFile mapping;
    try {
      mapping =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(Files.readAllBytes(path), MappingFile.class);
    } catch (NoSuchFileException e) {
      throw MdtException.data("mapping file not found: " + path);
    } catch (JsonProcessingException e) {
      throw MdtException.data("mapping file " + path + " is not valid: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw MdtException.data("cannot read mapping file " + path + ": " + e.getMessage());
    }
    if (mapping == null) {
      throw MdtException.data("mapping file " + path + " is empty");
    }
    mapping.validate(path);
    return mapping;
  }

  private void validate(Path path) {
    requireNoNull(path, "columns", columns.values());
    requireNoNull(path, "values", values.values());
    values.forEach((field, words) -> requireNoNull(path, "values." + field, words.values()));
    requireNoNull(path, "dateFormats", dateFormats);
    if (headerRow != null && (headerRow < 1 || headerRow > HeaderDetector.SEARCH_ROWS)) {
      throw MdtException.data(
          "mapping file " + path + ": headerRow must be 1 to " + HeaderDetector.SEARCH_ROWS);
    }
    columns.forEach(
        (header, target) -> {
          if (Column.byCanonicalName(target) == null) {
            throw MdtException.data(
                "mapping file "
                    + path
                    + ": column '"
                    + header
                    + "' maps to '"
                    + target
                    + "', which is not a canonical column");
          }
        });
    values.forEach(
        (field, words) -> {
          Column column = Column.byCanonicalName(field);
          if (column == null || column.codes() == null) {
            throw MdtException.data(
                "mapping file "
                    + path
                    + ": values given for '"
                    + field
                    + "', which is not a coded column");
          }
          words.forEach(
              (word, code) -> {
                if (!column.codes().isCode(code)) {
                  throw MdtException.data(
                      "mapping file "
                          + path
                          + ": '"
                          + word
                          + "' maps to '"
                          + code
                          + "', not a code of "
                          + field
                          + " ("
                          + String.join(", ", column.codes().codes())
                          + ")");
                }
              });
        });
    dateFormats.forEach(format -> DateParser.compile(format, path));
  }

  /** JSON's null where a name, a code or a format belongs: a bad file, not a missing key. */
  private static void requireNoNull(Path path, String key, Collection<?> items) {
    if (items.stream().anyMatch(Objects::isNull)) {
      throw MdtException.data("mapping file " + path + ": " + key + " holds a null");
    }
  }

  /** The team's words for a coded column, keyed by their normalized form. */
  Map<String, String> wordsFor(Column column) {
    Map<String, String> words = values.getOrDefault(column.canonicalName(), Map.of());
    Map<String, String> normalized = new HashMap<>();
    words.forEach((word, code) -> normalized.put(CodeList.normalize(word), code));
    return normalized;
  }
}

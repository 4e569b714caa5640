package org.mdt.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mdt.cases.Column;
import org.mdt.codes.Codes;
import org.mdt.text.TerminalText;

/**
 * Reads one roster row by the rules of docs/DESIGN.md section 3: a row is rejected for a missing
 * case number, a missing or bad referral date, an impossible DOB or any cell of a date column that
 * is not a date; an unknown word in a coded column is stored as the column's fallback code with a
 * warning, and a date after the day of import is stored with a warning.
 */
final class RowParser {
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,/|]");
  private static final int OLDEST_CHILD_YEARS = 25;
  private static final int OLDEST_OFFENDER_YEARS = 120;

  private final HeaderDetector.Found header;
  private final Map<Column, Map<String, String>> teamWords = new EnumMap<>(Column.class);
  private final DateParser dates;

  RowParser(HeaderDetector.Found header, MappingFile mapping, DateParser dates) {
    this.header = header;
    this.dates = dates;
    for (Column column : header.indexByColumn().keySet()) {
      if (column.codes() != null) {
        teamWords.put(column, mapping.wordsFor(column));
      }
    }
  }

  ParsedRow parse(SheetRow row) {
    ParsedRow parsed = new ParsedRow(row.number());
    header
        .indexByColumn()
        .forEach(
            (column, index) -> {
              Cell cell = row.cell(index);
              if (cell.formulaWithoutValue()) {
                parsed.formulasWithoutValue++;
                warn(parsed, column, "formula with no value; left blank");
              } else if (!cell.isBlank()) {
                Object value = read(column, cell, parsed);
                if (value != null) {
                  parsed.values.put(column, value);
                }
              }
            });
    checkRequiredAndDob(parsed);
    return parsed;
  }

  private Object read(Column column, Cell cell, ParsedRow row) {
    String text = cell.numeric() ? plainNumber(cell.text()) : cell.text().trim();
    return switch (column.kind()) {
      case TEXT -> {
        if (text.length() > column.maxLength()) {
          reject(row, column, "longer than " + column.maxLength() + " characters");
          yield null;
        }
        yield text;
      }
      case DATE -> {
        LocalDate date = cell.numeric() ? dates.fromSerial(cell.text()) : dates.fromText(text);
        if (date == null) {
          reject(row, column, "not a date: '" + TerminalText.quoted(text) + "'");
        } else if (dates.inFuture(date)) {
          // likely a typo, kept as written: a report counts it only once its day has come
          warn(
              row,
              column,
              column.canonicalName().replace('_', ' ')
                  + " in the future: "
                  + date
                  + " is after the day of import, "
                  + dates.today());
        }
        yield date;
      }
      case CODE -> code(column, text, row);
      case CODES -> codes(column, text, row);
      case INTEGER -> years(column, text, row);
      case YES_NO -> {
        var yes = Codes.yesNo(text);
        if (yes.isEmpty()) {
          warn(
              row, column, "'" + TerminalText.quoted(text) + "' is not yes or no; left unrecorded");
        }
        yield yes.orElse(null);
      }
    };
  }

  private String code(Column column, String word, ParsedRow row) {
    return column
        .codes()
        .lookup(word, teamWords.get(column))
        .orElseGet(
            () -> {
              String fallback = column.codes().fallback();
              warn(
                  row,
                  column,
                  "unknown word '" + TerminalText.quoted(word) + "', stored as " + fallback);
              return fallback;
            });
  }

  /** Several codes in one cell, stored sorted in code-list order and joined by ';'. */
  private String codes(Column column, String text, ParsedRow row) {
    TreeSet<String> found =
        new TreeSet<>(
            java.util.Comparator.comparingInt(code -> column.codes().codes().indexOf(code)));
    for (String word : LIST_SEPARATOR.split(text)) {
      if (!word.isBlank()) {
        found.add(code(column, word.trim(), row));
      }
    }
    return found.isEmpty() ? null : String.join(";", found);
  }

  private Integer years(Column column, String text, ParsedRow row) {
    try {
      BigDecimal number = new BigDecimal(text);
      if (number.signum() >= 0
          && number.compareTo(BigDecimal.valueOf(OLDEST_OFFENDER_YEARS)) <= 0) {
        return number.intValue();
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    warn(
        row, column, "'" + TerminalText.quoted(text) + "' is not an age in years; left unrecorded");
    return null;
  }

  private void checkRequiredAndDob(ParsedRow row) {
    if (row.text(Column.CASE_NUMBER) == null && !hasRejection(row, Column.CASE_NUMBER)) {
      reject(row, Column.CASE_NUMBER, "missing");
    }
    LocalDate referral = row.date(Column.REFERRAL_DATE);
    if (referral == null) {
      if (!hasRejection(row, Column.REFERRAL_DATE)) {
        reject(row, Column.REFERRAL_DATE, "missing");
      }
      return;
    }
    LocalDate dob = row.date(Column.CHILD_DOB);
    if (dob != null && dob.isAfter(referral)) {
      reject(
          row,
          Column.CHILD_DOB,
          "date of birth " + dob + " is after the referral date " + referral);
    } else if (dob != null && dob.isBefore(referral.minusYears(OLDEST_CHILD_YEARS))) {
      reject(
          row,
          Column.CHILD_DOB,
          "date of birth "
              + dob
              + " is more than "
              + OLDEST_CHILD_YEARS
              + " years before the referral date "
              + referral);
    }
  }

  private static boolean hasRejection(ParsedRow row, Column column) {
    return row.rejections.stream().anyMatch(p -> p.column().equals(column.canonicalName()));
  }

  private void reject(ParsedRow row, Column column, String reason) {
    row.rejections.add(problem(row, column, reason));
  }

  private void warn(ParsedRow row, Column column, String reason) {
    row.warnings.add(problem(row, column, reason));
  }

  Problem problem(ParsedRow row, Column column, String reason) {
    return new Problem(row.number, column.canonicalName(), header.header(column), reason);
  }

  /** A workbook number as a person would type it: 251000, not 251000.0 or 2.51E5. */
  private static String plainNumber(String raw) {
    try {
      BigDecimal number = new BigDecimal(raw.trim()).stripTrailingZeros();
      return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    } catch (NumberFormatException e) {
      return raw.trim();
    }
  }
}

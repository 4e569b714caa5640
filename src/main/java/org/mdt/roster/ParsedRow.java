package org.mdt.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mdt.cases.Column;
import org.mdt.codes.CodeList;

/** One roster row read into typed values, with what was wrong with it. */
final class ParsedRow {
  final int number;
  final Map<Column, Object> values = new EnumMap<>(Column.class);
  final List<Problem> rejections = new ArrayList<>();
  final List<Problem> warnings = new ArrayList<>();

  /** Cells of mapped columns holding a formula without a computed value (each also a warning). */
  int formulasWithoutValue;

  ParsedRow(int number) {
    this.number = number;
  }

  boolean rejected() {
    return !rejections.isEmpty();
  }

  String text(Column column) {
    return (String) values.get(column);
  }

  LocalDate date(Column column) {
    return (LocalDate) values.get(column);
  }

  /**
   * The upsert key of the child within its case (docs/DESIGN.md section 3: child name and DOB),
   * folded so that a later export that changes only case or spacing of a name still finds the same
   * child.
   */
  String childKey() {
    LocalDate dob = date(Column.CHILD_DOB);
    return names() + (dob == null ? "" : dob.toString());
  }

  /**
   * The start of {@link #childKey()} that holds the name: a stored child whose key starts with it
   * but differs has the same name and another DOB. Null when the row names no child, so nameless
   * rows never match.
   */
  String childNameKey() {
    String names = names();
    return names.equals("||") ? null : names;
  }

  private String names() {
    return fold(text(Column.CHILD_FIRST_NAME)) + '|' + fold(text(Column.CHILD_LAST_NAME)) + '|';
  }

  private static String fold(String name) {
    return name == null ? "" : CodeList.normalize(name);
  }
}

package org.mdt.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mdt.codes.CodeList;
import org.mdt.codes.Codes;

/**
 * The canonical roster columns of docs/DESIGN.md section 3, each with the header variants exports
 * use, how its cells are read, and whether it describes the case (shared by siblings) or the child
 * on the case. The database columns have the canonical names: this is the case schema, so it lives
 * with the cases, and the roster importer and {@code case show} both read it.
 */
public enum Column {
  CASE_NUMBER(
      Kind.TEXT, Level.KEY, 100, "Case #", "Case No", "Case Number", "Case ID", "MDT Case No."),
  TEAM(Kind.TEXT, Level.KEY, 200, "Team", "MDT", "CAC"),
  REFERRAL_DATE(
      Kind.DATE, Level.CHILD, 0, "Date Referred", "Referral Date", "Referred On", "Intake Date"),
  REFERRAL_SOURCE(Codes.REFERRAL_SOURCE, Level.CHILD, "Referral Source", "Referred By", "Source"),
  CHILD_FIRST_NAME(
      Kind.TEXT,
      Level.KEY,
      200,
      "First Name",
      "Child First",
      "Child First Name",
      "Victim First Name"),
  CHILD_LAST_NAME(
      Kind.TEXT, Level.KEY, 200, "Last Name", "Child Last", "Child Last Name", "Victim Last Name"),
  CHILD_DOB(Kind.DATE, Level.KEY, 0, "DOB", "Date of Birth", "Child DOB", "Birth Date"),
  CHILD_GENDER(Codes.GENDER, Level.CHILD, "Gender", "Sex"),
  CHILD_RACE(Codes.RACE, Level.CHILD, "Race", "Race/Ethnicity", "Ethnicity"),
  CHILD_LANGUAGE(Kind.TEXT, Level.CHILD, 100, "Language"),
  SPECIAL_CLASSIFICATIONS(Kind.TEXT, Level.CHILD, 500, "Special Classifications"),
  ABUSE_TYPES(
      Kind.CODES,
      Level.CHILD,
      300,
      "Allegation(s)",
      "Allegations",
      "Abuse Type",
      "Abuse Types",
      "Type of Abuse"),
  OFFENDER_RELATIONSHIP(
      Codes.OFFENDER_RELATIONSHIP,
      Level.CHILD,
      "Relationship",
      "Offender Relationship",
      "Alleged Offender Relationship"),
  OFFENDER_AGE(Kind.INTEGER, Level.CHILD, 0, "Offender Age", "AO Age", "Perp Age"),
  OFFENDER_GENDER(Codes.GENDER, Level.CHILD, "Offender Gender", "AO Gender", "Perp Gender"),
  FORENSIC_INTERVIEW_DATE(
      Kind.DATE, Level.CHILD, 0, "FI Date", "Forensic Interview", "Forensic Interview Date"),
  MEDICAL_EXAM_DATE(Kind.DATE, Level.CHILD, 0, "Medical Exam", "Med Exam", "Medical Exam Date"),
  MENTAL_HEALTH_REFERRAL_DATE(
      Kind.DATE, Level.CHILD, 0, "MH Referral", "Mental Health Referral", "Therapy Referral"),
  MENTAL_HEALTH_SERVICES_DATE(
      Kind.DATE, Level.CHILD, 0, "MH Services", "Mental Health Services", "Therapy Start"),
  VICTIM_ADVOCACY_DATE(Kind.DATE, Level.CHILD, 0, "Advocacy", "Advocacy Date", "Victim Advocacy"),
  LAW_ENFORCEMENT_AGENCY(
      Kind.TEXT, Level.CASE, 200, "LE Agency", "Law Enforcement Agency", "Investigating Agency"),
  LE_CASE_NUMBER(Kind.TEXT, Level.CASE, 100, "LE Case #", "LE Case No", "LE Case Number"),
  CPS_CASE_NUMBER(Kind.TEXT, Level.CASE, 100, "DCF Case #", "CPS Case #", "DCF #", "CPS #"),
  CHARGES_FILED(Codes.CHARGES_FILED, Level.CASE, "Charges Filed"),
  PROSECUTION_DISPOSITION(Kind.TEXT, Level.CASE, 500, "Disposition", "Prosecution Disposition"),
  CPS_OUTCOME(
      Codes.CPS_OUTCOME, Level.CASE, "CPS Outcome", "DCF Finding", "DCF Outcome", "CPS Finding"),
  CASE_STATUS(Codes.CASE_STATUS, Level.CASE, "Status", "Case Status"),
  CLOSED_DATE(Kind.DATE, Level.CASE, 0, "Closed Date", "Date Closed"),
  RESTRICTED(Kind.YES_NO, Level.CASE, 0, "Restricted"),
  NOTES(Kind.TEXT, Level.CASE, 4000, "Notes");

  /** How a cell is read. */
  public enum Kind {
    TEXT,
    DATE,
    CODE,
    CODES,
    INTEGER,
    YES_NO
  }

  /** KEY columns identify a child on a case; CASE columns are shared by every child on the case. */
  public enum Level {
    KEY,
    CASE,
    CHILD
  }

  public static final List<Column> CASE_COLUMNS = of(Level.CASE);
  public static final List<Column> CHILD_COLUMNS = of(Level.CHILD);

  /** What a child's row stores: the name and DOB of the key, then the child-level columns. */
  public static final List<Column> CHILD_ROW_COLUMNS = childRow();

  private final Kind kind;
  private final Level level;
  private final int maxLength;
  private final CodeList codes;
  private final List<String> variants;

  Column(Kind kind, Level level, int maxLength, String... variants) {
    this.kind = kind;
    this.level = level;
    this.maxLength = maxLength;
    this.codes = kind == Kind.CODES ? Codes.ABUSE_TYPE : null;
    this.variants = List.of(variants);
  }

  Column(CodeList codes, Level level, String... variants) {
    this.kind = Kind.CODE;
    this.level = level;
    this.maxLength = 0;
    this.codes = codes;
    this.variants = List.of(variants);
  }

  private static List<Column> childRow() {
    List<Column> columns =
        new java.util.ArrayList<>(List.of(CHILD_FIRST_NAME, CHILD_LAST_NAME, CHILD_DOB));
    columns.addAll(CHILD_COLUMNS);
    return List.copyOf(columns);
  }

  private static List<Column> of(Level level) {
    return Arrays.stream(values()).filter(c -> c.level == level).toList();
  }

  /** The canonical name, which is also the database column. */
  public String canonicalName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Kind kind() {
    return kind;
  }

  public Level level() {
    return level;
  }

  /** The longest text the database keeps for a TEXT or CODES column. */
  public int maxLength() {
    return maxLength;
  }

  /** The code list of a CODE or CODES column; null otherwise. */
  public CodeList codes() {
    return codes;
  }

  public List<String> variants() {
    return variants;
  }

  /** The Java type of the stored value, as JDBC reads it back. */
  public Class<?> javaType() {
    return switch (kind) {
      case DATE -> LocalDate.class;
      case INTEGER -> Integer.class;
      case YES_NO -> Boolean.class;
      default -> String.class;
    };
  }

  /** The column a canonical name or a mapping file's target names, or null. */
  public static Column byCanonicalName(String name) {
    for (Column column : values()) {
      if (column.canonicalName().equals(name)) {
        return column;
      }
    }
    return null;
  }
}

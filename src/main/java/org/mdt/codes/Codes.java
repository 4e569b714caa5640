package org.mdt.codes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed code lists of docs/DESIGN.md section 2, with the words rosters commonly use for each
 * code.
 */
public final class Codes {
  private Codes() {}

  public static final CodeList DISCIPLINE =
      new CodeList(
          "discipline",
          "other",
          new String[] {
            "law_enforcement", "LE", "police", "law enforcement officer", "detective", "sheriff"
          },
          new String[] {
            "child_protective_services",
            "CPS",
            "DCF",
            "DCS",
            "DSS",
            "child welfare",
            "social services"
          },
          new String[] {
            "prosecution",
            "prosecutor",
            "DA",
            "district attorney",
            "state attorney",
            "state's attorney"
          },
          new String[] {"medical", "medicine", "physician", "nurse", "SANE", "doctor"},
          new String[] {"mental_health", "MH", "therapist", "therapy", "counselor", "counseling"},
          new String[] {"victim_advocacy", "advocacy", "advocate", "victim advocate", "VA"},
          new String[] {
            "cac", "CAC", "children's advocacy center", "child advocacy center", "MDT coordinator"
          },
          new String[] {"other"});

  /** The seven disciplines the NCA MDT standard requires. */
  public static final List<String> REQUIRED_DISCIPLINES = DISCIPLINE.codes().subList(0, 7);

  public static final CodeList GENDER =
      new CodeList(
          "gender",
          "unknown",
          new String[] {"female", "F", "girl", "woman"},
          new String[] {"male", "M", "boy", "man"},
          new String[] {
            "other",
            "nonbinary",
            "non binary",
            "transgender",
            "trans",
            "genderqueer",
            "gender fluid"
          },
          new String[] {"unknown", "U", "unk", "not reported", "declined", "not known"});

  public static final CodeList RACE =
      new CodeList(
          "race",
          "unknown",
          new String[] {
            "american_indian_alaska_native",
            "American Indian/Alaska Native",
            "American Indian",
            "Alaska Native",
            "Native American",
            "AI/AN",
            "American Indian or Alaska Native"
          },
          new String[] {"asian", "Asian American"},
          new String[] {
            "black", "African American", "Black/African American", "Black or African American"
          },
          new String[] {
            "hispanic_latino",
            "Hispanic",
            "Latino",
            "Latina",
            "Latinx",
            "Hispanic/Latino",
            "Hispanic or Latino"
          },
          new String[] {
            "native_hawaiian_pacific_islander",
            "Native Hawaiian/Pacific Islander",
            "Native Hawaiian",
            "Pacific Islander",
            "NH/PI",
            "Native Hawaiian or Other Pacific Islander"
          },
          new String[] {"white", "Caucasian"},
          new String[] {"other_race", "other", "some other race"},
          new String[] {
            "multiple_races",
            "Multiracial",
            "Two or more",
            "Two or more races",
            "Biracial",
            "multi racial",
            "mixed",
            "mixed race"
          },
          new String[] {"unknown", "not reported", "declined", "unk", "refused"});

  public static final CodeList ABUSE_TYPE =
      new CodeList(
          "abuse_type",
          "other",
          new String[] {"sexual_abuse", "SA", "CSA", "child sexual abuse", "sexual assault"},
          new String[] {"physical_abuse", "PA", "physical"},
          new String[] {"neglect"},
          new String[] {"witness_to_violence", "DV exposure", "witness", "domestic violence", "DV"},
          new String[] {"sex_trafficking", "DMST", "CSEC", "human trafficking sex"},
          new String[] {"labor_trafficking", "human trafficking labor"},
          new String[] {"exploitation_material", "child pornography", "CSAM", "CSEM"},
          new String[] {"other"});

  public static final CodeList OFFENDER_RELATIONSHIP =
      new CodeList(
          "offender_relationship",
          "unknown",
          new String[] {
            "parent",
            "mother",
            "father",
            "step-parent",
            "stepfather",
            "stepmother",
            "step father",
            "step mother",
            "mom",
            "dad",
            "adoptive parent",
            "foster parent",
            "guardian"
          },
          new String[] {
            "other_relative",
            "relative",
            "grandparent",
            "grandmother",
            "grandfather",
            "uncle",
            "aunt",
            "sibling",
            "brother",
            "sister",
            "cousin",
            "step-sibling",
            "half-sibling",
            "other relative"
          },
          new String[] {
            "known_unrelated",
            "family friend",
            "neighbor",
            "neighbour",
            "babysitter",
            "teacher",
            "coach",
            "boyfriend or girlfriend of parent",
            "boyfriend of parent",
            "girlfriend of parent",
            "mother's boyfriend",
            "father's girlfriend",
            "peer",
            "acquaintance",
            "friend",
            "known"
          },
          new String[] {"stranger"},
          new String[] {"unknown", "unk", "not known"});

  public static final CodeList REFERRAL_SOURCE =
      new CodeList(
          "referral_source",
          "other",
          new String[] {"child_protective_services", "DCF", "CPS", "DCS", "DSS", "child welfare"},
          new String[] {"law_enforcement", "police", "PD", "LE", "sheriff"},
          new String[] {"medical", "hospital", "doctor", "physician"},
          new String[] {"school"},
          new String[] {"family", "parent", "caregiver"},
          new String[] {"other"});

  /** Yes/no fields; a blank is "not recorded" and is never a code. */
  public static final CodeList YES_NO =
      new CodeList(
          "yes_no",
          null,
          new String[] {"yes", "Y", "true", "1", "x"},
          new String[] {"no", "N", "false", "0"});

  public static final CodeList CHARGES_FILED =
      new CodeList(
          "charges_filed",
          "unknown",
          new String[] {"yes", "Y", "true", "1", "x", "filed", "charged"},
          new String[] {"no", "N", "false", "0", "not filed"},
          new String[] {"pending"},
          new String[] {"declined", "no charges", "declined to prosecute"},
          new String[] {"unknown"});

  public static final CodeList CPS_OUTCOME =
      new CodeList(
          "cps_outcome",
          "unknown",
          new String[] {"substantiated", "founded", "indicated", "sub"},
          new String[] {"unsubstantiated", "unfounded", "not substantiated", "unsub"},
          new String[] {"pending"},
          new String[] {"unknown"});

  public static final CodeList CASE_STATUS =
      new CodeList(
          "case_status",
          "unknown",
          new String[] {"open", "active"},
          new String[] {"closed", "inactive"},
          new String[] {"unknown"});

  /**
   * Labels that are not the code with spaces and a capital: abbreviations, and the federal forms'
   * wording.
   */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("cac", "CAC"),
          Map.entry("american_indian_alaska_native", "American Indian or Alaska Native"),
          Map.entry("black", "Black or African American"),
          Map.entry("hispanic_latino", "Hispanic or Latino"),
          Map.entry("native_hawaiian_pacific_islander", "Native Hawaiian or Pacific Islander"),
          Map.entry("multiple_races", "Two or more races"),
          Map.entry("known_unrelated", "Known, unrelated"),
          Map.entry("child_sexual_abuse_assault", "Child sexual abuse/assault"),
          Map.entry("child_physical_abuse_neglect", "Child physical abuse or neglect"),
          Map.entry("human_trafficking_sex", "Human trafficking: sex"),
          Map.entry("human_trafficking_labor", "Human trafficking: labor"),
          Map.entry("domestic_family_violence", "Domestic and/or family violence"),
          Map.entry("child_dob", "Child's date of birth"),
          Map.entry("child_gender", "Child's gender"),
          Map.entry("child_race", "Child's race"),
          Map.entry("offender_relationship", "Alleged offender's relationship"),
          Map.entry("offender_age", "Alleged offender's age"),
          Map.entry("offender_gender", "Alleged offender's gender"),
          Map.entry("cps_outcome", "CPS outcome"),
          Map.entry("mdt_review", "MDT case review"));

  /**
   * What a person reads for a code of any list here or of the reports' categories: "Child
   * protective services" for child_protective_services, "18 and over" for 18_and_over, "CAC" for
   * cac. PDFs, spreadsheets and tables show labels; JSON and CSV keep the codes, which programs
   * read.
   */
  public static String label(String code) {
    String label = LABELS.get(code);
    if (label != null) {
      return label;
    }
    String words = code.replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A yes/no word as a boolean; empty for a word that is neither. */
  public static Optional<Boolean> yesNo(String word) {
    return YES_NO.lookup(word).map("yes"::equals);
  }
}

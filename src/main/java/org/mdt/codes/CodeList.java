package org.mdt.codes;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One coded field of docs/DESIGN.md section 2: its fixed codes and the words people write for them.
 * Words match case-insensitively, ignoring punctuation and extra spaces; a team's mapping file can
 * add its own.
 */
public final class CodeList {
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final String field;
  private final List<String> codes;
  private final String fallback;
  private final Map<String, String> codeByWord = new HashMap<>();

  /**
   * @param synonyms code followed by the words that mean it, e.g. {"female", "F", "girl"}; every
   *     code also matches its own name
   */
  CodeList(String field, String fallback, String[]... synonyms) {
    this.field = field;
    this.codes = java.util.Arrays.stream(synonyms).map(s -> s[0]).toList();
    if (fallback != null && !codes.contains(fallback)) {
      throw new IllegalArgumentException(fallback + " is not a code of " + field);
    }
    this.fallback = fallback;
    for (String[] entry : synonyms) {
      for (String word : entry) {
        String previous = codeByWord.put(normalize(word), entry[0]);
        if (previous != null && !previous.equals(entry[0])) {
          throw new IllegalArgumentException(
              field + ": '" + word + "' means both " + previous + " and " + entry[0]);
        }
      }
    }
  }

  /**
   * Lower case, punctuation and runs of spaces folded to one space: "Native Hawaiian/Pacific
   * Islander" → "native hawaiian pacific islander".
   */
  public static String normalize(String word) {
    return NOT_WORD.matcher(word.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  public String field() {
    return field;
  }

  /** The codes in their fixed order, as reports list them. */
  public List<String> codes() {
    return codes;
  }

  /**
   * The code an unknown word is stored as: {@code unknown}, or {@code other} where there is no
   * unknown.
   */
  public String fallback() {
    return fallback;
  }

  /**
   * What a reader sees for one of these codes: "Child protective services", not
   * child_protective_services.
   */
  public String label(String code) {
    return Codes.label(code);
  }

  public boolean isCode(String code) {
    return codes.contains(code);
  }

  /**
   * The code for a word, looking first in the team's own words (already normalized keys), then the
   * built-in ones.
   */
  public Optional<String> lookup(String word, Map<String, String> teamWords) {
    String key = normalize(word);
    String code = teamWords.get(key);
    return Optional.ofNullable(code != null ? code : codeByWord.get(key));
  }

  public Optional<String> lookup(String word) {
    return lookup(word, Map.of());
  }
}

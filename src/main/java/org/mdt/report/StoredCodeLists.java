package org.mdt.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists of codes as a roster row stores them (abuse types, joined by ';'), each distinct one split
 * once: a million rows hold a few dozen distinct lists, and the evaluation export counts each row
 * under several reports.
 */
final class StoredCodeLists {
  private final Map<String, List<String>> split = new HashMap<>();

  /** The codes of a stored list; none when not recorded (NULL). */
  List<String> codes(String stored) {
    return stored == null
        ? List.of()
        : split.computeIfAbsent(stored, list -> List.of(list.split(";")));
  }
}

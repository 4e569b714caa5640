package org.mdt.text;

/**
 * Text from rosters and users made safe to show on a terminal. A case number, name or note may hold
 * control characters that a terminal runs (ESC sequences clear the screen or set the clipboard, a
 * CR or LF forges a table row, a C1 CSI starts a sequence on its own) or bidi overrides that show
 * text in another order than it is stored. Each is shown as U+FFFD; the stored data keeps them as
 * given.
 */
public final class TerminalText {
  /** What an unsafe character is shown as. */
  public static final char STAND_IN = '\uFFFD';

  /** A value quoted in a message is cut here: a roster cell may be a megabyte long. */
  public static final int QUOTED_MAX = 100;

  private TerminalText() {}

  /**
   * C0 controls (TAB, CR and LF too: a table cell or a message is one line), DEL, C1 controls, the
   * bidi embeddings, overrides and isolates, and the line and paragraph separators.
   */
  public static boolean isUnsafe(int c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }

  /** {@code text} with every unsafe character replaced by {@link #STAND_IN}; null stays null. */
  public static String safe(String text) {
    if (text == null) {
      return null;
    }
    // a loop, not a stream: every table cell comes here, mostly before anything is compiled
    int first = 0;
    while (first < text.length() && !isUnsafe(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder safe = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      safe.append(isUnsafe(c) ? STAND_IN : c);
    }
    return safe.toString();
  }

  /** A value as a message quotes it: at most {@value #QUOTED_MAX} characters, then "...". */
  public static String quoted(String value) {
    if (value.length() <= QUOTED_MAX) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(QUOTED_MAX - 1)) ? QUOTED_MAX - 1 : QUOTED_MAX;
    return value.substring(0, end) + "...";
  }
}

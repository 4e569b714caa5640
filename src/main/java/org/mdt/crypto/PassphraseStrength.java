package org.mdt.crypto;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.CharBuffer;
import java.util.Optional;

/**
 * How guessable a new passphrase is (zxcvbn: dictionaries, names, keyboard patterns, dates). Only
 * new passphrases are measured; the first measurement costs about 0.3 s while zxcvbn loads its
 * dictionaries.
 */
public final class PassphraseStrength {
  /** zxcvbn's score 3: "safely unguessable", about 10^10 guesses. */
  private static final int LOWEST_ACCEPTED_SCORE = 3;

  private PassphraseStrength() {}

  /**
   * Why the passphrase is too weak (a phrase without a final stop), or empty when it is strong
   * enough.
   */
  public static Optional<String> weakness(char[] passphrase) {
    Strength strength = Estimator.ZXCVBN.measure(CharBuffer.wrap(passphrase));
    if (strength.getScore() >= LOWEST_ACCEPTED_SCORE) {
      return Optional.empty();
    }
    String warning = strength.getFeedback().getWarning();
    return Optional.of(
        warning == null || warning.isBlank()
            ? "it is too easy to guess"
            : warning.replaceFirst("\\.$", ""));
  }

  /** One estimator for the whole process, built on first use: building one takes ~80 ms. */
  private static final class Estimator {
    static final Zxcvbn ZXCVBN = new Zxcvbn();
  }
}

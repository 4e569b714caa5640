package org.mdt.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyDerivationTest {
  @Test
  void matchesTheReferenceArgon2idVector() {
    // RFC 9106 has no plain (secret-less) vector; this is argon2's reference CLI:
    // echo -n password | argon2 somesalt -id -m 16 -t 2 -p 1 -l 32 -r
    byte[] key =
        KeyDerivation.argon2id(
            "password".toCharArray(),
            "somesalt".getBytes(),
            new KeyDerivation.Cost(65536, 2, 1),
            32);
    assertEquals(
        "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
        HexFormat.of().formatHex(key));
  }

  @Test
  void saltAndPassphraseBothChangeTheKey() {
    byte[] salt = KeyDerivation.newSalt();
    KeyDerivation.Cost cost = new KeyDerivation.Cost(8 * 1024, 1, 1);
    byte[] key = KeyDerivation.argon2id("correct horse".toCharArray(), salt, cost, 32);
    assertArrayEquals(key, KeyDerivation.argon2id("correct horse".toCharArray(), salt, cost, 32));
    assertFalse(
        Arrays.equals(key, KeyDerivation.argon2id("correct horsf".toCharArray(), salt, cost, 32)));
    assertFalse(
        Arrays.equals(
            key,
            KeyDerivation.argon2id(
                "correct horse".toCharArray(), KeyDerivation.newSalt(), cost, 32)));
  }

  @Test
  void refusesACostFromAFileThatWouldExhaustMemoryOrIsTooWeak() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new KeyDerivation.Cost(4 * 1024 * 1024, 2, 1).checked());
    assertThrows(
        IllegalArgumentException.class, () -> new KeyDerivation.Cost(1024, 2, 1).checked());
  }
}

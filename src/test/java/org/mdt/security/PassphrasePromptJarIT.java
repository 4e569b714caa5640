package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masked prompt, at a real (pseudo-)terminal: util-linux's {@code script} gives mdt a pty, and
 * the test types the passphrase into it. The passphrase is echoed as asterisks, never in clear.
 */
class PassphrasePromptJarIT {
  private static final String PASSPHRASE = "correct horse battery staple";
  @TempDir Path dir;

  private String atTerminal(String mdtArgs, String typed) throws Exception {
    String jar =
        Path.of(System.getProperty("mdt.jar", "target/mdt.jar")).toAbsolutePath().toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        "stty cols 120 rows 24; "
            + java
            + " -jar "
            + jar
            + " --db "
            + dir.resolve("mdt")
            + " "
            + mdtArgs;
    Process process =
        new ProcessBuilder("script", "-qec", command, "/dev/null")
            .redirectErrorStream(true)
            .start();
    try (OutputStream keyboard = process.getOutputStream()) {
      for (String line : typed.split("\n")) {
        Thread.sleep(2_500); // let the JVM start and show the prompt
        keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mdt " + mdtArgs + " finished");
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void initEncryptAndOpenWithThePromptedPassphrase() throws Exception {
    String created = atTerminal("init --encrypt", PASSPHRASE + "\n" + PASSPHRASE);
    assertTrue(created.contains("New passphrase for "), created);
    assertTrue(
        created.contains("*".repeat(PASSPHRASE.length())),
        "typed characters are masked: " + created);
    assertFalse(created.contains(PASSPHRASE), "the passphrase is never echoed");
    assertTrue(created.contains("encrypted          true"), created);
    assertTrue(
        new String(Files.readAllBytes(dir.resolve("mdt.mv.db")), StandardCharsets.ISO_8859_1)
            .startsWith("H2encrypt"));

    String listed = atTerminal("team add 'North MDT'", PASSPHRASE);
    assertTrue(listed.contains("Passphrase for "), listed);
    assertTrue(listed.contains("North MDT"), listed);

    String wrong = atTerminal("team list", "not the passphrase");
    assertTrue(wrong.contains("mdt: wrong passphrase"), wrong);
    assertEquals(-1, wrong.indexOf("North MDT"));
  }
}

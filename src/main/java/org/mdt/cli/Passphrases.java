package org.mdt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.mdt.MdtException;
import org.mdt.crypto.PassphraseStrength;
import org.mdt.db.DatabaseLocation;

/**
 * Where a passphrase comes from: {@code --passphrase-file}, then {@code MDT_PASSPHRASE_FILE}, then
 * a masked prompt when a person is at a terminal. Never the command line, where other users of the
 * machine and the shell history would see it.
 */
final class Passphrases {
  private static final int MINIMUM_LENGTH = 8;

  private final CliContext context;

  Passphrases(CliContext context) {
    this.context = context;
  }

  /** The passphrase of an existing encrypted database. */
  char[] current(DatabaseLocation location) {
    Path file = passphraseFile();
    if (file != null) {
      return read(file);
    }
    if (context.sessionPassphrase != null) {
      return context.sessionPassphrase.clone();
    }
    if (context.interactive) {
      return prompt("Passphrase for " + location + ": ");
    }
    throw MdtException.data(
        "database "
            + location
            + " is encrypted: give --passphrase-file FILE or set"
            + " MDT_PASSPHRASE_FILE");
  }

  /** A new passphrase: from the given file, else typed twice at a terminal. */
  char[] fresh(Path file, String purpose) {
    char[] passphrase;
    if (file != null) {
      passphrase = read(file);
    } else if (context.interactive) {
      passphrase = prompt("New passphrase " + purpose + ": ");
      if (!Arrays.equals(passphrase, prompt("Again: "))) {
        throw MdtException.usage("the two passphrases differ");
      }
    } else {
      throw MdtException.usage("a new passphrase is needed " + purpose + ": give it in a file");
    }
    if (passphrase.length < MINIMUM_LENGTH) {
      throw MdtException.usage("a passphrase needs at least " + MINIMUM_LENGTH + " characters");
    }
    PassphraseStrength.weakness(passphrase)
        .ifPresent(
            weakness -> {
              throw MdtException.usage(
                  "passphrase refused: "
                      + weakness
                      + "; use a longer one of several unrelated words");
            });
    return passphrase;
  }

  Path passphraseFile() {
    if (context.passphraseFile != null) {
      return context.passphraseFile;
    }
    String fromEnv = context.env.get("MDT_PASSPHRASE_FILE");
    return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
  }

  /** The file's first line; a file others can read is used, with a warning. */
  private char[] read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String line = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
      if (line.isEmpty()) {
        throw MdtException.data("passphrase file " + file + " is empty");
      }
      if (readableByOthers(file)) {
        context.info(
            "warning: passphrase file " + file + " can be read by other users (chmod 600 it)");
      }
      return line.toCharArray();
    } catch (NoSuchFileException e) {
      throw MdtException.data("passphrase file not found: " + file);
    } catch (IOException e) {
      throw MdtException.data("cannot read passphrase file " + file + ": " + e.getMessage());
    }
  }

  private static boolean readableByOthers(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private static char[] prompt(String prompt) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
      return reader.readLine(prompt, '*').toCharArray();
    } catch (UserInterruptException e) {
      throw MdtException.usage("no passphrase given");
    } catch (IOException e) {
      throw MdtException.data("cannot read a passphrase from the terminal: " + e.getMessage());
    }
  }
}

package org.mdt.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.db.AuditLog;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import org.mdt.db.Encryption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "rekey",
    description = {
      "Change an encrypted database's passphrase, or encrypt one that is not.",
      "The current passphrase comes as for any command; the new one from --new-passphrase-file or a prompt."
    })
final class RekeyCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--new-passphrase-file",
      paramLabel = "FILE",
      description = "The new passphrase, on the" + " file's first line (at least 8 characters).")
  Path newPassphraseFile;

  RekeyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.legacyKeyWarned.set(true); // rekey is what the warning asks for
    DatabaseLocation current = context.unlockedLocation();
    context.database(); // proves the current passphrase and the schema before anything is rewritten
    context.close();
    char[] passphrase = context.passphrases().fresh(newPassphraseFile, "for " + current);
    DatabaseLocation rekeyed = Encryption.rekey(current, passphrase);
    try (Database database = Database.open(rekeyed, false, java.time.Duration.ZERO)) {
      Stores.audit(context, database.connection())
          .updated(
              "database",
              0,
              Map.of(
                  "encryption",
                  new AuditLog.Change(current.isEncrypted() ? "aes" : "none", "aes, new key")));
    } catch (java.sql.SQLException e) {
      throw org.mdt.db.DbErrors.translate(e, rekeyed);
    }
    context.info(
        (current.isEncrypted() ? "changed the passphrase of " : "encrypted ")
            + rekeyed
            + "; keep the passphrase safe: without it the data cannot be read");
    return 0;
  }
}

package org.mdt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "init",
    description = "Create the database, or upgrade its schema; safe to run again.")
final class InitCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--encrypt",
      description =
          "Create it encrypted (AES). The passphrase comes from"
              + " --passphrase-file, MDT_PASSPHRASE_FILE or a prompt; without it the data cannot be read.")
  boolean encrypt;

  InitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    DatabaseLocation location = context.location();
    if (location.exists()) {
      if (encrypt && !location.isEncryptedFile()) {
        throw MdtException.domain(
            "database "
                + location
                + " exists and is not encrypted: encrypt it with"
                + " 'mdt rekey'");
      }
      location = context.unlockedLocation();
    } else if (encrypt) {
      Passphrases passphrases = context.passphrases();
      location =
          location.encryptedWith(
              passphrases.fresh(passphrases.passphraseFile(), "for " + location));
    }
    Database database = context.databaseCreatingIfMissing(location);
    if (database.schemaVersion() > Database.SCHEMA_VERSION) {
      database.requireCurrentSchema(); // says which side to upgrade
    }
    int applied = database.migrate();
    int version = database.schemaVersion();
    if (version != Database.SCHEMA_VERSION) {
      throw MdtException.data(
          "database schema is at version "
              + version
              + " after migration, expected "
              + Database.SCHEMA_VERSION);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", location.toString());
    result.put("schemaVersion", version);
    result.put("migrationsApplied", applied);
    result.put("encrypted", location.isEncrypted());
    context.printer().record(result);
    context.info(applied == 0 ? "database is up to date" : "applied " + applied + " migration(s)");
    return 0;
  }
}

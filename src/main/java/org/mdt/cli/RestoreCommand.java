package org.mdt.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.db.Backups;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Replace the database with a backup, after checking the backup"
    + " loads whole. An encrypted backup needs its passphrase and stays encrypted."})
final class RestoreCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "A backup written by 'mdt backup'.")
  Path backup;

  @Option(names = "--force", description = "Replace an existing database.")
  boolean force;

  RestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws java.sql.SQLException {
    DatabaseLocation target = context.location();
    boolean encrypted = Backups.isEncrypted(backup);
    if (target.exists() && !force) {
      throw MdtException.domain("database " + target + " exists: add --force to replace it with " + backup);
    }
    if (encrypted) {
      target = target.encryptedWith(context.passphrases().current(target));
    }
    Backups.restore(backup, target);
    try (Database database = Database.open(target, false, java.time.Duration.ZERO)) {
      Stores.audit(context, database.connection()).updated("database", 0,
          Map.of("restored", new Object[] {null, backup.getFileName().toString()}));
    }
    context.info("restored " + target + " from " + backup);
    return 0;
  }
}

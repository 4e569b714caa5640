package org.mdt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mdt.db.Backups;
import org.mdt.db.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "restore",
    description = {
      "Replace the database with a backup, after loading all of it into a"
          + " new database and checking every count, SHA-256 and the audit chain. An encrypted backup needs its"
          + " passphrase; the database is encrypted when the backup or the database it replaces was."
    })
final class RestoreCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "A backup written by 'mdt backup'.")
  Path backup;

  @Option(names = "--force", description = "Replace an existing database.")
  boolean force;

  RestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    DatabaseLocation target = context.location();
    Backups.Restored restored =
        Backups.restore(
            backup,
            target,
            force,
            () -> context.passphrases().current(target),
            connection -> Stores.audit(context, connection));
    restored.warnings().forEach(warning -> context.info("warning: " + warning));
    context.info(
        "restored "
            + target
            + " from "
            + backup
            + ": "
            + restored.rows().total()
            + " rows"
            + (restored.encrypted() ? " (encrypted)" : ""));
    return 0;
  }
}

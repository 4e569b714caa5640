package org.mdt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.db.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", description = {"Write a consistent copy of the database while it is in use: a"
    + " compressed SQL script, encrypted with the database's passphrase when the database is encrypted."})
final class BackupCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The backup file to write (readable by you only).")
  Path file;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  BackupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (Files.exists(file) && !force) {
      throw MdtException.domain(file + " exists: add --force to replace it");
    }
    Backups.backup(context.database(), file);
    context.info("wrote " + file + (context.database().location().isEncrypted() ? " (encrypted)" : ""));
    return 0;
  }
}

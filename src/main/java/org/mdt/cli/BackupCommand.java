package org.mdt.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.db.Backups;
import org.mdt.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "backup",
    description = {
      "Write a consistent copy of the database while it is in use: a zip"
          + " of every table's rows as data with a manifest of counts and SHA-256 sums (README: Backup format),"
          + " encrypted (AES-256-GCM, a key from the passphrase by Argon2id) when the database is encrypted."
    })
final class BackupCommand implements Callable<Integer> {
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
    Outputs outputs = Outputs.check(context, force, List.of(), file);
    Database database = context.database();
    boolean encrypted = database.location().isEncrypted();
    char[] passphrase = encrypted ? context.unlockingPassphrase() : null;
    Backups.RowCounts[] written = new Backups.RowCounts[1];
    outputs.write(
        file,
        out ->
            written[0] =
                Backups.write(database, passphrase, out, new VersionProvider().getVersion()[0]));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", file.toString());
    result.put("encrypted", encrypted);
    result.put("rows", written[0].total());
    result.put("tables", written[0].perTable().size());
    context.printer().record(result);
    context.info(
        "wrote "
            + file
            + (encrypted ? " (encrypted)" : "")
            + ": "
            + written[0].total()
            + " rows of "
            + written[0].perTable().size()
            + " tables");
    if (sameFileSystem(file, database.location().baseFile())) {
      context.info(
          "note: the backup is on the same disk as the database; keep a copy on another one");
    }
    return 0;
  }

  private static boolean sameFileSystem(Path backup, Path database) {
    try {
      return database != null
          && Files.getFileStore(backup.toAbsolutePath().getParent())
              .equals(Files.getFileStore(database.getParent()));
    } catch (IOException e) {
      return false;
    }
  }
}

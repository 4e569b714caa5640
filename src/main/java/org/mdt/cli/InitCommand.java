package org.mdt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "init", description = "Create the database, or upgrade its schema; safe to run again.")
final class InitCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;
  private final CliContext context;

  InitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Database database = context.databaseCreatingIfMissing();
    if (database.schemaVersion() > Database.SCHEMA_VERSION) {
      database.requireCurrentSchema(); // says which side to upgrade
    }
    int applied = database.migrate();
    int version = database.schemaVersion();
    if (version != Database.SCHEMA_VERSION) {
      throw MdtException.data("database schema is at version " + version + " after migration, expected "
          + Database.SCHEMA_VERSION);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("database", database.location().toString());
    result.put("schemaVersion", version);
    result.put("migrationsApplied", applied);
    context.printer().record(result);
    context.info(applied == 0 ? "database is up to date" : "applied " + applied + " migration(s)");
    return 0;
  }
}

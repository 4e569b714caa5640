package org.mdt.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.mdt.MdtException;

/**
 * Versioned schema migrations (Flyway), loaded only by {@code mdt init}: Flyway is slow to start.
 */
final class Migrations {
  private Migrations() {}

  /** Migrates to {@code target} (a version), or to the latest when it is null. */
  static int migrate(DatabaseLocation location, String target) {
    try {
      // H2's own DataSource: Flyway's would trim the trailing space of an encrypted file's "key "
      // password.
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL(location.jdbcUrl(false));
      dataSource.setUser(location.user());
      dataSource.setPassword(location.password());
      var configuration = Flyway.configure();
      if (target != null) {
        configuration.target(target);
      }
      return configuration
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .loggers("log4j2") // log4j-api comes with POI; without a backend it prints errors only
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayException e) {
      throw MdtException.data("schema migration failed on " + location + ": " + e.getMessage(), e);
    }
  }
}

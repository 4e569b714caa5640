package org.mdt.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mdt.Cancellation;
import org.mdt.db.Database;
import org.mdt.db.DatabaseLocation;
import org.mdt.roster.ImportListener;
import org.mdt.text.TerminalText;

/**
 * Everything a command gets from outside: its output streams, the environment, the clock, and the
 * global options as parsed. The database is opened on first use, so commands that need none stay
 * fast.
 */
public final class CliContext implements AutoCloseable {
  private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

  final PrintWriter out;
  final PrintWriter err;
  final Map<String, String> env;
  final Clock clock;
  final boolean interactive;
  final ImportListener importListener;

  /** Ctrl-C for the command this context runs (a shell line or the demo's step gets its own). */
  final Cancellation cancellation = new Cancellation();

  String db;
  OutputFormat format = OutputFormat.TABLE;
  boolean quiet;
  boolean verbose;
  boolean noColor;
  java.nio.file.Path passphraseFile;
  String commandLine = "mdt";

  /**
   * Whether stderr is a terminal, where a progress line may be drawn (Main knows; tests and pipes:
   * no).
   */
  boolean progressOnStderr;

  /** The progress line being drawn, which a note must not be written into. */
  volatile Progress progress;

  /**
   * The passphrase the shell asked for once, used by every command it runs (kept in memory only).
   */
  char[] sessionPassphrase;

  /** The team {@code use} chose in the shell: the default of every --team option. */
  String defaultTeam;

  /**
   * Whether the old-key-derivation warning was given (once per shell session; never by rekey
   * itself).
   */
  AtomicBoolean legacyKeyWarned = new AtomicBoolean();

  private Database database;

  /** The passphrase that unlocked the database in this command (a backup is encrypted with it). */
  private char[] unlockingPassphrase;

  public CliContext(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Clock clock,
      boolean interactive,
      ImportListener importListener) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
    this.interactive = interactive;
    this.importListener = importListener;
  }

  /**
   * The context of a command run from this one (a line of the shell, a step of the demo): the same
   * stderr, import listener and progress setting, its own stdout, environment and clock, no options
   * parsed yet.
   */
  CliContext child(
      PrintWriter childOut,
      Map<String, String> childEnv,
      Clock childClock,
      boolean childInteractive) {
    CliContext child =
        new CliContext(childOut, err, childEnv, childClock, childInteractive, importListener);
    child.progressOnStderr = progressOnStderr;
    child.legacyKeyWarned = legacyKeyWarned;
    return child;
  }

  /** For Main, which can tell whether stderr is a terminal, and for tests that pretend it is. */
  public void setProgressOnStderr(boolean drawn) {
    progressOnStderr = drawn;
  }

  DatabaseLocation location() {
    return DatabaseLocation.of(db != null ? db : env.get("MDT_DB"), env);
  }

  /**
   * Where the database is, with its key when the file is encrypted (which asks for the passphrase).
   */
  DatabaseLocation unlockedLocation() {
    DatabaseLocation location = location();
    if (!location.isEncryptedFile()) {
      return location;
    }
    unlockingPassphrase = passphrases().current(location);
    DatabaseLocation unlocked = location.encryptedWith(unlockingPassphrase);
    if (unlocked.isLegacyKey() && !legacyKeyWarned.getAndSet(true)) {
      info(
          "warning: database "
              + location
              + " is encrypted with the old key derivation; run 'mdt rekey'");
    }
    return unlocked;
  }

  /** The passphrase {@link #unlockedLocation} used; null when the database is not encrypted. */
  char[] unlockingPassphrase() {
    return unlockingPassphrase;
  }

  Passphrases passphrases() {
    return new Passphrases(this);
  }

  /** The database, which must exist with the schema this mdt knows. */
  Database database() {
    return database != null
        ? database
        : opened(Database.open(unlockedLocation(), false, lockWait()));
  }

  /** The database for a roster import: as {@link #database}, opened for bulk writing. */
  Database databaseForImport() {
    return database != null
        ? database
        : opened(Database.openForImport(unlockedLocation(), lockWait()));
  }

  /**
   * The database for a command that only reads: opened read-only, so that closing it writes
   * nothing. A command uses this or {@link #database}, not both: the first one opens it.
   */
  Database databaseToRead() {
    return database != null
        ? database
        : opened(Database.openToRead(unlockedLocation(), lockWait()));
  }

  /**
   * Keeps a database whose schema this mdt knows; closes one it refuses, which would otherwise stay
   * open, in the shell or a test, with its access mode: a later {@code init} in the same JVM would
   * get it read-only.
   */
  private Database opened(Database current) {
    try {
      current.requireCurrentSchema();
    } catch (RuntimeException e) {
      try {
        current.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    current.stopOn(cancellation);
    database = current;
    return current;
  }

  /** The database at a location {@code mdt init} chose, created if missing. */
  Database databaseCreatingIfMissing(DatabaseLocation location) {
    if (database == null) {
      database = Database.open(location, true, lockWait());
      database.stopOn(cancellation);
    }
    return database;
  }

  /** How long to wait for a database another process holds ({@code MDT_LOCK_WAIT}, seconds). */
  private Duration lockWait() {
    String seconds = env.get("MDT_LOCK_WAIT");
    try {
      return seconds == null
          ? DEFAULT_LOCK_WAIT
          : Duration.ofSeconds(Long.parseLong(seconds.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_LOCK_WAIT;
    }
  }

  Printer printer() {
    return new Printer(out, format, clock.getZone());
  }

  /**
   * A note for the person at the terminal (stderr); -q silences it. Roster words in it are shown
   * safely.
   */
  void info(String note) {
    if (!quiet) {
      String message = TerminalText.safe(note);
      Progress shown = progress;
      if (shown != null) {
        shown.printAbove(message);
      } else {
        err.println(message);
        err.flush();
      }
    }
  }

  String osUser() {
    return System.getProperty("user.name", "unknown");
  }

  @Override
  public void close() {
    if (database != null) {
      try {
        database.close();
      } finally {
        database = null;
      }
    }
  }
}

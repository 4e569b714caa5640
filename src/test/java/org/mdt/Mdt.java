package org.mdt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.mdt.cli.CliContext;
import org.mdt.cli.CommandFactory;
import org.mdt.roster.ImportListener;

/**
 * Runs mdt commands the way main does, through the real command factory, against a database of the
 * test's own, with stdout and stderr captured apart.
 */
public final class Mdt {
  /** The day tests run on: two-digit years and "today" checks depend on it. */
  public static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

  private final Map<String, String> env = new HashMap<>();
  private ImportListener importListener = ImportListener.NONE;
  private Instant now = NOW;
  private boolean stderrIsTerminal;

  public Mdt(Path dir) {
    env.put("MDT_DB", dir.resolve("mdt").toString());
    env.put("XDG_DATA_HOME", dir.resolve("xdg").toString());
    env.put("MDT_LOCK_WAIT", "0");
  }

  public Mdt env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Moves the clock the commands see, as days pass between meetings. */
  public Mdt at(String instant) {
    now = Instant.parse(instant);
    return this;
  }

  /** As if stderr were a terminal: progress lines are drawn. */
  public Mdt stderrIsTerminal() {
    stderrIsTerminal = true;
    return this;
  }

  public Mdt importListener(ImportListener listener) {
    this.importListener = listener;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            env,
            Clock.fixed(now, ZoneOffset.UTC),
            false,
            importListener);
    context.setProgressOnStderr(stderrIsTerminal);
    int code = CommandFactory.execute(context, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs a command that must succeed, and returns its stdout. */
  public String ok(String... args) {
    Result result = run(args);
    if (result.code() != 0) {
      throw new AssertionError(
          "mdt " + String.join(" ", args) + " exited " + result.code() + ": " + result.err());
    }
    return result.out();
  }

  /** The id of the meeting held on {@code date} (YYYY-MM-DD), as `review list` shows it. */
  public String meetingOn(String date) {
    for (JsonNode meeting : Json.parse(ok("review", "list", "--format", "json"))) {
      if (meeting.path("date").asText().equals(date)) {
        return meeting.path("id").asText();
      }
    }
    throw new AssertionError("no meeting on " + date);
  }

  /** A fresh database with one team, as the truth files assume. */
  public Mdt withTeam(String team) {
    ok("init");
    ok("team", "add", team);
    return this;
  }

  public record Result(int code, String out, String err) {
    public String[] errLines() {
      return err.isEmpty() ? new String[0] : err.split("\n");
    }
  }
}

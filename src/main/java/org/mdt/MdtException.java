package org.mdt;

/**
 * A failure the user can act on: one line of message and the exit code docs/DESIGN.md section 1
 * assigns to it. Anything else that escapes a command is an internal error (exit 4).
 */
public class MdtException extends RuntimeException {
  /** Exit codes of docs/DESIGN.md section 1. */
  public static final int DOMAIN = 1;

  public static final int USAGE = 2;
  public static final int DATA = 3;
  public static final int INTERNAL = 4;

  /** Cancelled with Ctrl-C: 128 + SIGINT, as a shell reports a command the signal stopped. */
  public static final int CANCELLED = 130;

  private final int exitCode;

  public MdtException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public MdtException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** An unknown team, case or member; a rule of the domain broken. Exit 1. */
  public static MdtException domain(String message) {
    return new MdtException(DOMAIN, message);
  }

  /** Bad input data or a database problem. Exit 3. */
  public static MdtException data(String message) {
    return new MdtException(DATA, message);
  }

  public static MdtException data(String message, Throwable cause) {
    return new MdtException(DATA, message, cause);
  }

  public static MdtException usage(String message) {
    return new MdtException(USAGE, message);
  }

  /** The command was stopped with Ctrl-C before it committed anything. Exit 130. */
  public static MdtException cancelled() {
    return new MdtException(CANCELLED, "cancelled");
  }
}

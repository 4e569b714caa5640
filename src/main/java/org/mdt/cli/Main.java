package org.mdt.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import org.mdt.MdtException;
import org.mdt.roster.ImportListener;

/** The jar's entry point: the only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    CliContext context =
        new CliContext(
            out,
            err,
            System.getenv(),
            Clock.systemDefaultZone(),
            System.console() != null,
            ImportListener.NONE);
    context.setProgressOnStderr(stderrIsTerminal());
    onCtrlC(
        () -> {
          if (!context.cancellation.request()) {
            Runtime.getRuntime().halt(MdtException.CANCELLED);
          }
        });
    int exitCode = CommandFactory.execute(context, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * Ctrl-C cancels the command (its transaction rolls back, its partial files go, exit 130) instead
   * of killing the JVM under H2's feet; a second Ctrl-C stops at once, as a last resort. Through
   * sun.misc.Signal itself: JLine's Signals does the same by reflection and a dynamic proxy, and
   * sets up java.util.logging on the way, 15-50 ms of every command's start where this takes 2.
   * (javac warns about sun.misc, a warning no annotation silences; jdk.unsupported is there for
   * this.)
   */
  private static void onCtrlC(Runnable handler) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> handler.run());
    } catch (IllegalArgumentException e) {
      // the JVM keeps SIGINT for itself (-Xrs): Ctrl-C then stops it at once, as without a handler
    }
  }

  /**
   * Java has no isatty for stderr alone: on Linux /proc says where file descriptor 2 goes;
   * elsewhere a console (stdin and stdout at a terminal) is the best guess.
   */
  private static boolean stderrIsTerminal() {
    if (System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target =
          java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}

package org.mdt.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import org.mdt.roster.ImportListener;

/** The jar's entry point: the only place that calls System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    CliContext context = new CliContext(out, err, System.getenv(), Clock.systemDefaultZone(),
        System.console() != null, ImportListener.NONE);
    int exitCode = CommandFactory.execute(context, args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}

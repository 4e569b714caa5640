package org.mdt.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.mdt.text.TerminalText;

/**
 * A progress line on stderr for work that takes more than a second: a moving bar with what is done
 * so far (rows read) and the time taken. It is drawn only when stderr is a terminal and -q was not
 * given, so cron logs and pipes stay clean, and it is erased when the work ends.
 */
final class Progress implements AutoCloseable {
  private static final long QUIET_MILLIS = 1000;
  private static final long REPAINT_MILLIS = 125;
  private static final int BAR = 24;

  private final CliContext context;
  private final PrintWriter err;
  private final String label;
  private final String unit;
  private final AtomicLong done = new AtomicLong();
  private final long started = System.nanoTime();
  private final Thread painter;
  private volatile boolean finished;
  private boolean drawn;

  private Progress(CliContext context, String label, String unit) {
    this.context = context;
    this.err = context.err;
    this.label = TerminalText.safe(label);
    this.unit = unit;
    this.painter = new Thread(this::paintUntilFinished, "mdt-progress");
    painter.setDaemon(true);
  }

  /**
   * Progress for {@code label}; {@code unit} names what {@link #advance} counts (null: nothing
   * counted).
   */
  static Progress start(CliContext context, String label, String unit) {
    Progress progress = new Progress(context, label, unit);
    if (context.progressOnStderr && !context.quiet) {
      context.progress = progress;
      progress.painter.start();
    }
    return progress;
  }

  void advance(long count) {
    done.set(count);
  }

  private void paintUntilFinished() {
    try {
      Thread.sleep(QUIET_MILLIS);
      int frame = 0;
      while (!finished) {
        paint(frame++);
        Thread.sleep(REPAINT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void paint(int frame) {
    if (finished) {
      return;
    }
    // no total is known ahead (a spreadsheet does not say how many rows it has), so the bar sweeps
    int position = frame % (2 * (BAR - 3));
    int at = position < BAR - 3 ? position : 2 * (BAR - 3) - position;
    String bar = " ".repeat(at) + "<=>" + " ".repeat(BAR - 3 - at);
    double seconds = (System.nanoTime() - started) / 1e9;
    String count = unit == null ? "" : String.format("  %,d %s", done.get(), unit);
    err.print(String.format("\r%s [%s]%s  %.1f s\033[K", label, bar, count, seconds));
    err.flush();
    drawn = true;
  }

  /**
   * A note on its own line: the progress line is erased first and drawn again at the next repaint.
   */
  synchronized void printAbove(String message) {
    if (drawn) {
      err.print("\r\033[K");
    }
    err.println(message);
    err.flush();
  }

  @Override
  public synchronized void close() {
    finished = true;
    painter.interrupt();
    if (context.progress == this) {
      context.progress = null;
    }
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}

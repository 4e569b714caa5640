package org.mdt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C for one command: requested from a signal handler's thread, observed by the command at its
 * next safe point (an imported row, a transaction's or an output file's commit), which then fails
 * with {@link MdtException#cancelled()}, so its transaction rolls back and its partial files go
 * like any other failure's. What is running when it is requested (a long SQL query) is interrupted
 * through the hooks registered with {@link #onRequest}.
 */
public final class Cancellation {
  private final AtomicBoolean requested = new AtomicBoolean();
  private final List<Runnable> interrupters = new CopyOnWriteArrayList<>();

  /** Asks the command to stop; true the first time, false when it had been asked already. */
  public boolean request() {
    if (!requested.compareAndSet(false, true)) {
      return false;
    }
    interrupters.forEach(Runnable::run);
    return true;
  }

  public boolean isRequested() {
    return requested.get();
  }

  /** A safe point: stops the command here when Ctrl-C was pressed. */
  public void check() {
    if (requested.get()) {
      throw MdtException.cancelled();
    }
  }

  /**
   * Runs {@code interrupter} on a request (from the signal's thread): it must be quick and
   * thread-safe.
   */
  public void onRequest(Runnable interrupter) {
    interrupters.add(interrupter);
    if (requested.get()) {
      interrupter.run();
    }
  }
}

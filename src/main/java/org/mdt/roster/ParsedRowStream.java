package org.mdt.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mdt.MdtException;

/**
 * Reads and parses the non-blank rows of a sheet on a second thread while the importing thread
 * writes the ones before: unzipping and parsing XML take as long as the database work, and there
 * are two cores. The queue between them is bounded, so memory does not grow with the file.
 */
final class ParsedRowStream implements AutoCloseable {
  private static final int QUEUE_ROWS = 2048;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
  private final Thread reader;
  private volatile boolean closed;

  ParsedRowStream(SheetSource source, RowParser parser) {
    reader =
        new Thread(
            () -> {
              try {
                for (SheetRow row; !closed && (row = source.next()) != null; ) {
                  if (!row.isBlank()) {
                    put(parser.parse(row));
                  }
                }
                put(END);
              } catch (Throwable e) { // handed to the importing thread, which reports it
                put(e);
              }
            },
            "mdt-roster-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void put(Object item) {
    try {
      while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the importing thread is busy; wait unless it gave up
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next parsed row, or null after the last. */
  ParsedRow next() {
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MdtException.data("import interrupted");
    }
    if (item == END) {
      return null;
    }
    if (item instanceof IOException e) {
      throw new UncheckedIOException(e);
    }
    if (item instanceof RuntimeException e) {
      throw e;
    }
    if (item instanceof Error e) {
      throw e;
    }
    return (ParsedRow) item;
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
    try {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.mdt.roster;

import java.io.IOException;

/** Rows of one sheet, read one at a time so that memory does not grow with the file. */
interface SheetSource extends AutoCloseable {
  /** The next row, or null after the last. */
  SheetRow next() throws IOException;

  /** Whether serial dates count from 1904 (old Mac workbooks) rather than 1900. */
  default boolean date1904() {
    return false;
  }

  @Override
  void close() throws IOException;
}

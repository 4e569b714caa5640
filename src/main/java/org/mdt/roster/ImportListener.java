package org.mdt.roster;

/** Hears of an import's progress (a progress bar; a test that stops an import part-way). */
public interface ImportListener {
  ImportListener NONE = (rowsRead, rowNumber) -> {};

  /** Called after each non-blank row is handled. */
  void rowHandled(int rowsRead, int rowNumber);
}

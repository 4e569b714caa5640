package org.mdt.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A restore tells a backup whose rows do not fit from a disk that fails under it (issue 11, item
 * 9).
 */
class DbErrorsTest {
  @Test
  void rowsThatDoNotFitAreTheBackupsFaultAFullDiskIsNot() {
    assertTrue(DbErrors.isRowData(new SQLException("duplicate key", "23505", 23505)));
    assertTrue(DbErrors.isRowData(new SQLException("value too long", "22001", 22001)));
    assertFalse(DbErrors.isRowData(new SQLException("No space left on device", "90100", 90100)));
    assertFalse(DbErrors.isRowData(new SQLException("IO Exception", "90028", 90028)));
    assertTrue(
        DbErrors.translate(new SQLException("No space left on device", "90100", 90100), "x")
            .getMessage()
            .startsWith("disk full"));
  }
}

package org.mdt.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.mdt.MdtException;
import org.mdt.db.DbErrors;

/**
 * H2 wraps a failed file write in a general error; the IOException inside says whether the disk is
 * full.
 */
class DiskFullTest {
  private static SQLException h2WriteFailure(String why) {
    return h2WriteFailure(new IOException(why));
  }

  private static SQLException h2WriteFailure(IOException cause) {
    return new SQLException(
        "General error: \"org.h2.mvstore.MVStoreException: Writing to channel failed\"",
        "HY000",
        50000,
        new IllegalStateException("Writing to channel failed", cause));
  }

  @Test
  void noSpaceLeftOnDeviceIsADiskFull() {
    MdtException failure =
        DbErrors.translate(h2WriteFailure("No space left on device"), "/data/mdt.mv.db");
    assertEquals(3, failure.exitCode());
    assertEquals("disk full writing database /data/mdt.mv.db", failure.getMessage());
  }

  @Test
  void anotherWriteFailureSaysWhy() {
    assertEquals(
        "cannot write database /data/mdt.mv.db: File too large",
        DbErrors.translate(h2WriteFailure("File too large"), "/data/mdt.mv.db").getMessage());
  }

  @Test
  void aWriteAfterAFailedOneSaysSoNotNull() {
    assertEquals(
        "cannot write database /data/mdt.mv.db: " + DbErrors.CLOSED_AFTER_FAILED_WRITE,
        DbErrors.translate(h2WriteFailure(new ClosedChannelException()), "/data/mdt.mv.db")
            .getMessage());
  }
}

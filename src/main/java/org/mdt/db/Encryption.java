package org.mdt.db;

import java.sql.SQLException;
import org.h2.tools.ChangeFileEncryption;

/** Encrypting a database file, or changing its key, with H2's own tool while no connection is open. */
public final class Encryption {
  private Encryption() {}

  /**
   * Rewrites the file under the new passphrase; {@code from} is the file as it is (encrypted or not).
   * Returns where it now is, encrypted with the new key.
   */
  public static DatabaseLocation rekey(DatabaseLocation from, char[] newPassphrase) {
    DatabaseLocation to = from.encryptedWith(newPassphrase);
    String oldKey = from.fileKey();
    try {
      ChangeFileEncryption.execute(from.baseFile().getParent().toString(), from.baseFile().getFileName().toString(),
          "AES", oldKey == null ? null : oldKey.toCharArray(), to.fileKey().toCharArray(), true);
    } catch (SQLException e) {
      throw DbErrors.translate(e, from);
    }
    to.restrictFilePermissions();
    return to;
  }
}

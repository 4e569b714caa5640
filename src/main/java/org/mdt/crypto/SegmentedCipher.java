package org.mdt.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a stream of any length, in segments (the STREAM construction of Hoang,
 * Reyhanitabar, Rogaway and Vizár, as Tink's streaming AEAD uses it): each segment is sealed with
 * its own nonce, made of a random prefix, the segment's number and a last-segment flag, and with
 * the file's header as associated data. So a changed byte anywhere, a reordered, dropped or
 * repeated segment, a truncated file or an edited header is refused before any of its plaintext is
 * used, and neither side holds more than one segment in memory (one GCM operation over a whole
 * backup would hold all of it).
 */
public final class SegmentedCipher {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_PREFIX_BYTES = 7;
  private static final int TAG_BITS = 128;
  private static final int TAG_BYTES = TAG_BITS / 8;
  private static final int SEGMENT_BYTES = 1 << 20;
  private static final byte[] KEY_CHECK_LABEL = "mdt key check".getBytes(StandardCharsets.US_ASCII);

  private SegmentedCipher() {}

  /**
   * A short value that tells a wrong key from a damaged file (an HMAC of a fixed label, not the
   * key).
   */
  public static byte[] keyCheck(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(KEY_CHECK_LABEL), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /**
   * Seals everything written to the returned stream into {@code sink}; close it to write the last
   * segment.
   */
  public static OutputStream encrypting(
      OutputStream sink, byte[] key, byte[] noncePrefix, byte[] header) {
    return new Sealer(sink, key, noncePrefix, header);
  }

  /**
   * Opens a sealed stream; throws {@link Tampered} (an IOException) at the first segment that does
   * not verify.
   */
  public static InputStream decrypting(
      InputStream source, byte[] key, byte[] noncePrefix, byte[] header) {
    return new Opener(source, key, noncePrefix, header);
  }

  /** A segment that failed to verify: a wrong key, a changed byte, or a cut or reordered file. */
  public static final class Tampered extends IOException {
    Tampered(String message) {
      super(message);
    }
  }

  private static Cipher cipher(
      int mode, byte[] key, byte[] prefix, long segment, boolean last, byte[] header)
      throws GeneralSecurityException {
    if (segment > 0xFFFF_FFFFL) {
      throw new GeneralSecurityException("too many segments");
    }
    ByteBuffer nonce =
        ByteBuffer.allocate(12).put(prefix).putInt((int) segment).put((byte) (last ? 1 : 0));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce.array()));
    cipher.updateAAD(header);
    return cipher;
  }

  private static final class Sealer extends FilterOutputStream {
    private final byte[] key;
    private final byte[] prefix;
    private final byte[] header;
    private final ByteArrayOutputStream segment = new ByteArrayOutputStream(SEGMENT_BYTES);
    private long number;
    private boolean closed;

    Sealer(OutputStream sink, byte[] key, byte[] prefix, byte[] header) {
      super(sink);
      this.key = key.clone();
      this.prefix = prefix.clone();
      this.header = header.clone();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      while (length > 0) {
        // a full segment is sealed only when more follows, so the last one is always sealed as last
        if (segment.size() == SEGMENT_BYTES) {
          seal(false);
        }
        int n = Math.min(length, SEGMENT_BYTES - segment.size());
        segment.write(bytes, offset, n);
        offset += n;
        length -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      try {
        out.write(
            cipher(Cipher.ENCRYPT_MODE, key, prefix, number++, last, header)
                .doFinal(segment.toByteArray()));
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot encrypt: " + e.getMessage(), e);
      }
      segment.reset();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        seal(true);
        Arrays.fill(key, (byte) 0);
        out.close();
      }
    }
  }

  private static final class Opener extends InputStream {
    private final DataInputStream in;
    private final byte[] key;
    private final byte[] prefix;
    private final byte[] header;
    private final byte[] sealed = new byte[SEGMENT_BYTES + TAG_BYTES];
    private byte[] plain = new byte[0];
    private int position;
    private long number;
    private boolean ended;
    private int lookahead =
        -2; // the byte read past a full segment to learn whether it was the last; -2: none

    Opener(InputStream source, byte[] key, byte[] prefix, byte[] header) {
      this.in = new DataInputStream(source);
      this.key = key.clone();
      this.prefix = prefix.clone();
      this.header = header.clone();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (position == plain.length) {
        if (ended) {
          return -1;
        }
        next();
      }
      int n = Math.min(length, plain.length - position);
      System.arraycopy(plain, position, buffer, offset, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      int filled = 0;
      if (lookahead >= 0) {
        sealed[filled++] = (byte) lookahead;
      }
      filled += in.readNBytes(sealed, filled, sealed.length - filled);
      boolean last;
      if (filled < sealed.length) {
        last = true;
      } else {
        lookahead = in.read();
        last = lookahead < 0;
      }
      if (filled < TAG_BYTES) {
        throw new Tampered("the encrypted data is cut short");
      }
      try {
        plain =
            cipher(Cipher.DECRYPT_MODE, key, prefix, number++, last, header)
                .doFinal(sealed, 0, filled);
      } catch (AEADBadTagException e) {
        throw new Tampered(
            "segment "
                + (number - 1)
                + " does not verify: the file was changed, cut short or"
                + " put together from other files");
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot decrypt: " + e.getMessage(), e);
      }
      position = 0;
      ended = last;
    }

    @Override
    public void close() throws IOException {
      Arrays.fill(key, (byte) 0);
      in.close();
    }
  }

  /** Reads exactly {@code n} bytes or says the file ends early. */
  public static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the file ends early");
    }
    return bytes;
  }
}

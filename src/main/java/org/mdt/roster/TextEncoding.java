package org.mdt.roster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mdt.MdtException;

/**
 * Finds a CSV's encoding: a byte-order mark says UTF-8 or UTF-16; otherwise the whole file is
 * checked as UTF-8 (one streaming pass), and a file that is not valid UTF-8 is Windows-1252, as
 * Excel on Windows saves "CSV". Bytes that are neither are refused rather than imported as
 * mojibake.
 */
final class TextEncoding {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextEncoding() {}

  static Charset detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (SheetSources.startsWith(head, UTF8_BOM)) {
      return StandardCharsets.UTF_8;
    }
    if (head.length >= 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      return StandardCharsets.UTF_16;
    }
    if (decodes(file, StandardCharsets.UTF_8)) {
      return StandardCharsets.UTF_8;
    }
    if (decodes(file, WINDOWS_1252)) {
      return WINDOWS_1252;
    }
    throw MdtException.data(file.getFileName() + " is neither UTF-8 nor Windows-1252 text");
  }

  /** A reader over the file in the charset, past any byte-order mark. */
  static BufferedReader open(Path file, Charset charset) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (charset.equals(StandardCharsets.UTF_8)) {
      in = new java.io.BufferedInputStream(in);
      in.mark(3);
      if (!SheetSources.startsWith(in.readNBytes(3), UTF8_BOM)) {
        in.reset();
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  private static boolean decodes(Path file, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0; ) {
        bytes.position(bytes.position() + n);
        bytes.flip();
        if (decoder.decode(bytes, chars, false).isError()) {
          return false;
        }
        chars.clear();
        bytes.compact();
      }
      bytes.flip();
      return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

package org.mdt.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.mdt.MdtVersion;
import org.mdt.db.AuditLog;

/**
 * The outcome of importing a file again onto what its own import left (docs/DESIGN.md section
 * 3.11). That import changes nothing (3.6), so its outcome is known as soon as the first import
 * ends: every row the first stored is unchanged, and its problems are the file's own (rejections,
 * duplicates, warnings about cells and about a sibling's conflicting value). The first import's
 * warnings about what was stored before it (a value another file set, a revert, a possible DOB
 * correction) are not repeated: the first import settled them.
 *
 * <p>Every import records that outcome, problems compressed in file order, as it goes. The next
 * import of the same bytes, with the same team, sheet and mapping, by the same mdt, gives it
 * without reading a row when nothing has been written since: the audit trail's head is still the
 * recorded import's own entry, and what the outcome depends on in the database (teams, cases,
 * children, earlier imports) changes only with an entry in the trail.
 */
final class ImportReplay {
  /** The recorded form; another form is never read. */
  private static final int FORM = 1;

  /**
   * Compressed problems beyond this are not kept, and the next import reads its rows: a replay must
   * not cost an import more memory than its rows do.
   */
  static final int MAX_BYTES = 8 << 20;

  /** A longer string in a recorded outcome means it is damaged. */
  private static final int MAX_STRING_BYTES = 1 << 20;

  private static final int END = 0;
  private static final int REJECTED = 1;
  private static final int WARNING = 2;
  private static final int DUPLICATE = 3;

  private ImportReplay() {}

  /**
   * What the outcome depends on besides the database: the file's bytes, whether its name promises a
   * workbook (text bytes under such a name are refused, docs/DESIGN.md section 3.10), the options
   * that choose its rows and words, and this build of mdt, whose rules another build may change.
   */
  static String inputs(String fileSha256, ImportRequest request) {
    try {
      byte[] fields =
          new ObjectMapper()
              .writeValueAsBytes(
                  new Object[] {
                    FORM,
                    MdtVersion.build(),
                    fileSha256,
                    SheetSources.namesWorkbook(request.file()),
                    request.team(),
                    request.sheet(),
                    request.mapping()
                  });
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fields));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint an import's inputs", e);
    }
  }

  /**
   * An import's recorded outcome, and when it holds: for the same inputs and file size, while the
   * audit trail's head is {@code head}, on {@code madeOn} and, when {@code laterDays}, after it.
   */
  record Saved(
      long importId,
      String inputs,
      long fileSize,
      AuditLog.Head head,
      LocalDate madeOn,
      boolean laterDays,
      byte[] outcome) {

    /** Whether nothing but the file's digest can still rule it out. */
    boolean holdsFor(long size, AuditLog.Head current, LocalDate today) {
      return fileSize == size
          && head.equals(current)
          && (today.equals(madeOn) || laterDays && today.isAfter(madeOn));
    }
  }

  /**
   * Passes an import's problems on, keeping those that importing the file again repeats, in order,
   * compressed.
   */
  static final class Recorder implements ProblemSink {
    private final ProblemSink sink;
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new DeflaterOutputStream(compressed, deflater), 1 << 16));
    private int warnings;

    Recorder(ProblemSink sink) {
      this.sink = sink;
    }

    @Override
    public void rejected(Problem problem) {
      sink.rejected(problem);
      record(REJECTED, problem);
    }

    @Override
    public void warning(Problem problem) {
      sink.warning(problem);
      warnings++;
      record(WARNING, problem);
    }

    @Override
    public void duplicate(Problem problem) {
      sink.duplicate(problem);
      record(DUPLICATE, problem);
    }

    /** A warning about what was stored before this import, which the next one will not repeat. */
    void warningNotRepeated(Problem problem) {
      sink.warning(problem);
    }

    /** The warnings importing the file again repeats. */
    int repeatedWarnings() {
      return warnings;
    }

    /** The outcome recorded, or null when it grew past {@link #MAX_BYTES}. */
    byte[] finish(
        ImportSummary summary, List<String> ignoredHeaders, List<String> repeatedHeaders) {
      if (out == null) {
        return null;
      }
      try (DataOutputStream trailer = out) {
        trailer.writeByte(END);
        for (Object count : summary.asMap().values()) {
          trailer.writeInt((Integer) count);
        }
        writeStrings(trailer, ignoredHeaders);
        writeStrings(trailer, repeatedHeaders);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        giveUp();
      }
      return compressed.size() > MAX_BYTES ? null : compressed.toByteArray();
    }

    private void record(int kind, Problem problem) {
      if (out == null) {
        return;
      }
      try {
        out.writeByte(kind);
        out.writeInt(problem.row());
        writeString(out, problem.column());
        writeString(out, problem.header());
        writeString(out, problem.reason());
        if (compressed.size() > MAX_BYTES) {
          giveUp();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Records nothing more; the deflater's native memory goes now, not at some later GC. */
    private void giveUp() {
      out = null;
      deflater.end();
    }
  }

  /** What a recorded outcome says beside its problems. */
  record Outcome(
      ImportSummary summary, List<String> ignoredHeaders, List<String> repeatedHeaders) {}

  /** Reads a recorded outcome whole without passing anything on; null when it is damaged. */
  static Outcome check(byte[] outcome) {
    try {
      return read(outcome, null);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Passes a recorded outcome's problems, which {@link #check} found whole, on in order. */
  static void replay(byte[] outcome, ProblemSink sink) {
    try {
      read(outcome, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Outcome read(byte[] outcome, ProblemSink sink) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(outcome)))) {
      for (int kind; (kind = in.readUnsignedByte()) != END; ) {
        Problem problem = new Problem(in.readInt(), readString(in), readString(in), readString(in));
        if (kind < REJECTED || kind > DUPLICATE) {
          throw new IllegalArgumentException("no such problem kind: " + kind);
        }
        if (sink != null) {
          switch (kind) {
            case REJECTED -> sink.rejected(problem);
            case WARNING -> sink.warning(problem);
            default -> sink.duplicate(problem);
          }
        }
      }
      int[] counts = new int[11];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = in.readInt();
      }
      Outcome read =
          new Outcome(
              new ImportSummary(
                  counts[0],
                  counts[1],
                  counts[2],
                  counts[3],
                  counts[4],
                  counts[5],
                  counts[6],
                  counts[7],
                  counts[8],
                  counts[9],
                  counts[10]),
              readStrings(in),
              readStrings(in));
      if (in.read() != -1) {
        throw new IllegalArgumentException("bytes after the outcome's end");
      }
      return read;
    }
  }

  private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String string : strings) {
      writeString(out, string);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > MAX_STRING_BYTES) {
      throw new IllegalArgumentException("a list of " + count + " strings");
    }
    List<String> strings = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      strings.add(readString(in));
    }
    return strings;
  }

  /** A string as its UTF-8 length (-1: null) and bytes; writeUTF stops at 64 KB. */
  private static void writeString(DataOutputStream out, String string) throws IOException {
    if (string == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IllegalArgumentException("a string of " + length + " bytes");
    }
    byte[] bytes = new byte[length];
    try {
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new IllegalArgumentException("the outcome ends inside a string", e);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}

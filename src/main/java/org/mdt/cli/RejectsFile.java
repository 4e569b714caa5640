package org.mdt.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mdt.MdtException;
import org.mdt.io.OutputFile;
import org.mdt.roster.Problem;

/**
 * The CSV of rejected rows (row, column, header, reason), written as they are found into a
 * temporary file that becomes the rejects file only when the import succeeds.
 */
final class RejectsFile implements AutoCloseable {
  private final Path path;
  private final OutputFile.Pending file;
  private final SequenceWriter csv;

  RejectsFile(Outputs outputs, Path path) {
    this.path = path;
    file = outputs.open(path);
    try {
      csv = Printer.csvWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
      csv.write(List.of("row", "column", "header", "reason"));
    } catch (IOException e) {
      file.close();
      throw failed(e);
    }
  }

  void add(Problem problem) {
    try {
      csv.write(
          Printer.neutralised(
              List.of(problem.row(), problem.column(), problem.header(), problem.reason())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the file in place, once the import has succeeded. */
  void commit() {
    try {
      csv.close();
    } catch (IOException e) {
      throw failed(e);
    }
    file.commit();
  }

  /** Without a commit, the rejects of a failed import leave no file. */
  @Override
  public void close() {
    file.close();
  }

  private MdtException failed(IOException e) {
    return MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
  }
}

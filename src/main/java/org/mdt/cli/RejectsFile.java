package org.mdt.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.mdt.MdtException;
import org.mdt.roster.Problem;

/** The CSV of rejected rows (row, column, header, reason), written as they are found. */
final class RejectsFile implements AutoCloseable {
  private final Path path;
  private final SequenceWriter csv;

  RejectsFile(Path path) {
    this.path = path;
    try {
      csv = Printer.csvWriter(PrivateFiles.newWriter(path));
      csv.write(List.of("row", "column", "header", "reason"));
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  void add(Problem problem) {
    try {
      csv.write(Printer.neutralised(List.of(problem.row(), problem.column(), problem.header(), problem.reason())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}

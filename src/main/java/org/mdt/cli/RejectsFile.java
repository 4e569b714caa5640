package org.mdt.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
      CsvMapper mapper = new CsvMapper();
      mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
      csv = mapper.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValues(PrivateFiles.newWriter(path));
      csv.write(List.of("row", "column", "header", "reason"));
    } catch (IOException e) {
      throw MdtException.data("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  void add(Problem problem) {
    try {
      csv.write(List.of(problem.row(), problem.column(), Printer.neutralised(problem.header()),
          Printer.neutralised(problem.reason())));
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

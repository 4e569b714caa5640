package org.mdt.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.mdt.MdtException;
import org.mdt.report.PdfReportWriter;
import org.mdt.report.Report;
import org.mdt.report.XlsxReportWriter;

/**
 * Where a report goes: stdout in {@code --format}, or {@code --out F} in the format its extension
 * names (.pdf, .xlsx, .csv, .json), through {@link Outputs}: atomic, owner-only, never over what it
 * must not replace. A CSV file is for a spreadsheet: a UTF-8 byte-order mark and CRLF line ends;
 * CSV on stdout is for pipes: plain UTF-8 with LF.
 */
final class ReportOutput {
  /**
   * Starts a CSV file: Excel reads a CSV without it in the machine's legacy code page, so "Wójcik"
   * would show as "WÃ³jcik". Stdout has none: a pipe wants plain UTF-8.
   */
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private ReportOutput() {}

  /**
   * The one way a report leaves mdt, for {@code report} and {@code export} alike: its notes on
   * stderr, then the report on stdout in {@code --format}, or written whole to {@code out} when
   * given.
   */
  static void emit(CliContext context, Outputs outputs, Path out, Report report) {
    report.notes().forEach(context::info);
    if (out == null) {
      context.printer().report(report);
      return;
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    Instant created = created(context);
    if (name.endsWith(".pdf")) {
      outputs.write(
          out,
          stream ->
              PdfReportWriter.write(
                  report.document(),
                  stream,
                  created,
                  warning -> context.info("warning: " + warning)));
    } else if (name.endsWith(".xlsx")) {
      outputs.write(out, stream -> XlsxReportWriter.write(report.document(), stream, created));
    } else if (name.endsWith(".csv") || name.endsWith(".json")) {
      boolean csv = name.endsWith(".csv");
      outputs.write(
          out,
          stream -> {
            PrintWriter writer =
                new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            if (csv) {
              writer.write(BYTE_ORDER_MARK);
            }
            new Printer(writer, csv ? OutputFormat.CSV : OutputFormat.JSON, Printer.FILE_LINE_END)
                .report(report);
            writer.flush();
          });
    } else {
      throw MdtException.usage("--out " + out + ": name it .pdf, .xlsx, .csv or .json");
    }
    context.info("wrote " + out);
  }

  /**
   * The date a report file carries: SOURCE_DATE_EPOCH when set, so the same data gives the same
   * bytes.
   */
  static Instant created(CliContext context) {
    String epoch = context.env.get("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return context.clock.instant();
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    } catch (NumberFormatException e) {
      throw MdtException.usage("SOURCE_DATE_EPOCH must be seconds since 1970, not '" + epoch + "'");
    }
  }
}

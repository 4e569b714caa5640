package org.mdt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as its own OS process and measures it: wall time, peak RSS (GNU time's {@code %M},
 * the largest resident set among the process and the children it waited for, so a launcher script
 * and its JVM count as one), and a JVM's peak heap use from its GC log. Heap use only grows between
 * collections, so its peak is the largest of the collections' "before" figures and the use the JVM
 * reports at exit ({@code -Xlog:gc,gc+heap+exit}): unlike polling, it cannot miss a short peak, and
 * it works for any collector. The options reach the JVM through {@code JDK_JAVA_OPTIONS}, which
 * every {@code java} launch reads, also one inside a launcher script.
 */
final class Measured {
  private static final Path TIME = Path.of("/usr/bin/time");

  /** A collection's "before->after(committed)", e.g. {@code 56M->58M(1164M)}. */
  private static final Pattern COLLECTION =
      Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

  /** A heap space at exit: G1's one line, or one per generation for Serial and Parallel. */
  private static final Pattern AT_EXIT = Pattern.compile("total \\d+K, used (\\d+)K");

  /** One run: seconds, and peak RSS and heap in MB (NaN when not known). */
  record Run(double seconds, double rssMb, double heapMb) {}

  /** The runs of one piece of work. */
  record Series(List<Run> runs) {
    double median() {
      double[] s = seconds();
      int n = s.length;
      return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
      return seconds()[0];
    }

    double max() {
      double[] s = seconds();
      return s[s.length - 1];
    }

    double rssMb() {
      return runs.stream().mapToDouble(Run::rssMb).max().orElse(Double.NaN);
    }

    double heapMb() {
      return runs.stream().mapToDouble(Run::heapMb).max().orElse(Double.NaN);
    }

    private double[] seconds() {
      double[] s = runs.stream().mapToDouble(Run::seconds).toArray();
      Arrays.sort(s);
      return s;
    }
  }

  private final Path scratch;
  private final Duration timeout;

  /** The run under way: what a timeout, or the benchmark being stopped, ends. */
  private volatile Process current;

  /**
   * Keeps each run's GC log, GNU time's figures and stderr in {@code scratch}, for a look after; a
   * run still going after {@code timeout} is stopped and fails.
   */
  Measured(Path scratch, Duration timeout) throws IOException {
    this.scratch = Files.createDirectories(scratch);
    this.timeout = timeout;
  }

  /**
   * Runs the command to its end with its stdout discarded. {@code jvmOptions} go to the JVMs it
   * starts, with the GC log; null when it starts none.
   */
  Run run(List<String> command, Map<String, String> env, List<String> jvmOptions)
      throws IOException, InterruptedException {
    Path gcLog = scratch.resolve("gc.log");
    Path times = scratch.resolve("time.txt");
    Path stderr = scratch.resolve("stderr.txt");
    Files.deleteIfExists(gcLog);
    Files.deleteIfExists(times);
    List<String> full = new ArrayList<>();
    boolean timed = Files.isExecutable(TIME);
    if (timed) {
      full.addAll(List.of(TIME.toString(), "-f", "%e %M", "-o", times.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
    builder.environment().putAll(env);
    if (jvmOptions != null) {
      List<String> options = new ArrayList<>(jvmOptions);
      options.add("-Xlog:gc,gc+heap+exit:file=" + gcLog + "::filecount=0");
      String inherited = builder.environment().get("JDK_JAVA_OPTIONS");
      builder
          .environment()
          .put(
              "JDK_JAVA_OPTIONS",
              (inherited == null ? "" : inherited + " ") + String.join(" ", options));
    }
    long start = System.nanoTime();
    Process process = builder.start();
    current = process;
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      stop();
      throw new IllegalStateException(
          "stopped: still running after " + timeout.toSeconds() + " s (bench.timeout)");
    }
    int exit = process.exitValue();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      String last =
          Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
              .filter(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
              .reduce((first, second) -> second)
              .map(line -> ": " + line)
              .orElse("");
      throw new IllegalStateException(
          (exit > 128 ? "killed by signal " + (exit - 128) : "exited " + exit) + last);
    }
    return new Run(
        seconds,
        timed ? peakRssMb(times) : Double.NaN,
        jvmOptions != null ? peakHeapMb(gcLog) : Double.NaN);
  }

  /** Ends the run under way, if any, with the processes it started. */
  void stop() throws InterruptedException {
    Process process = current;
    if (process != null && process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  /** GNU time's last line is "%e %M", elapsed seconds and peak RSS in KB. */
  private static double peakRssMb(Path times) throws IOException {
    List<String> lines = Files.readAllLines(times);
    String[] fields = lines.get(lines.size() - 1).trim().split(" ");
    return Long.parseLong(fields[1]) / 1024.0;
  }

  private static double peakHeapMb(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return Double.NaN;
    }
    double peak = 0;
    double atExit = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher collection = COLLECTION.matcher(line);
      if (collection.find()) {
        peak = Math.max(peak, megabytes(collection.group(1), collection.group(2)));
      }
      Matcher exit = AT_EXIT.matcher(line);
      if (line.contains("gc,heap,exit") && exit.find()) {
        atExit += Long.parseLong(exit.group(1)) / 1024.0;
      }
    }
    return Math.max(peak, atExit);
  }

  private static double megabytes(String amount, String unit) {
    double value = Double.parseDouble(amount);
    return switch (unit) {
      case "K" -> value / 1024;
      case "G" -> value * 1024;
      default -> value;
    };
  }
}

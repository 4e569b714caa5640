package org.mdt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/mdt, the launcher `mvn package` writes beside the jar (on unix), run as a user runs it:
 * arguments and exit codes pass through exactly, and stderr stays empty on success, with or without
 * a class-data archive it can use.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherJarIT {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("mdt.jar", "target/mdt.jar")).resolveSibling("mdt");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("MDT_DB", dir.resolve("db").resolve("mdt").toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mdt " + String.join(" ", args));
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Run mdt(String... args) throws IOException, InterruptedException {
    return run(LAUNCHER, Map.of(), args);
  }

  @Test
  void argumentsAndExitCodesPassThrough() throws Exception {
    Run version = mdt("--version");
    assertEquals(0, version.code(), version.err());
    assertTrue(version.out().startsWith("mdt "), version.out());
    assertEquals("", version.err());

    Run init = mdt("init", "-q");
    assertEquals(0, init.code(), init.err());
    assertEquals("", init.err());
    assertEquals(0, mdt("team", "add", "North  MDT *", "-q").code(), "one argument, as typed");
    Run teams = mdt("team", "list", "--format", "csv");
    assertEquals(new Run(0, "id,name,cac,county\n1,North  MDT *,,\n", ""), teams);

    Run unknown = mdt("case", "show", "25-0000");
    assertEquals(1, unknown.code());
    assertEquals("", unknown.out());
    assertEquals("mdt: unknown case 25-0000\n", unknown.err());
    assertEquals(2, mdt("report", "nca", "--period", "2025H3").code());
  }

  @Test
  void throughASymlinkWithTheCallersJavaAndOptions() throws Exception {
    Path link = dir.resolve("bin").resolve("mdt");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, LAUNCHER.toAbsolutePath());
    assertEquals(0, run(link, Map.of(), "--version").code());

    Path java = dir.resolve("jdk").resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(
        java,
        "#!/bin/sh\necho 'the JAVA_HOME java' >&2\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    Run viaJavaHome = run(link, Map.of("JAVA_HOME", dir.resolve("jdk").toString()), "--version");
    assertEquals(new Run(0, mdt("--version").out(), "the JAVA_HOME java\n"), viaJavaHome);

    Run withOptions = run(link, Map.of("JAVA_OPTS", "-XX:+NoSuchOptionOfTheTest"), "--version");
    assertTrue(withOptions.err().contains("NoSuchOptionOfTheTest"), withOptions.err());
    Files.delete(link); // @TempDir warns about links that lead out of it
  }

  @Test
  void theArchiveIsUsedWhenThereIsOneAndSkippedSilentlyWhenItIsNoGood() throws Exception {
    Path archive = LAUNCHER.resolveSibling("mdt.jsa");
    if (Files.exists(archive)) {
      // -Xshare:on after the launcher's own -Xshare:auto: Java stops when it cannot map the archive
      Run used = run(LAUNCHER, Map.of("JAVA_OPTS", "-Xshare:on"), "--version");
      assertEquals(0, used.code(), "the archive fits this jar and this JDK: " + used.err());
    }
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy);
    Files.copy(LAUNCHER, copy.resolve("mdt"));
    Files.createSymbolicLink(copy.resolve("mdt.jar"), LAUNCHER.resolveSibling("mdt.jar"));
    Run none = run(copy.resolve("mdt"), Map.of(), "--version");
    assertEquals(new Run(0, mdt("--version").out(), ""), none);
    Files.write(copy.resolve("mdt.jsa"), new byte[] {'n', 'o', 't', ' ', 'C', 'D', 'S'});
    Run broken = run(copy.resolve("mdt"), Map.of(), "--version");
    assertEquals(new Run(0, mdt("--version").out(), ""), broken);
    Files.delete(copy.resolve("mdt.jar"));
  }
}

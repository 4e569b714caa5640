package org.mdt.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mdt.Cancellation;
import org.mdt.MdtException;
import org.mdt.io.OutputFile;

/**
 * The output files of one command, checked together before it reads or writes anything, and then
 * written through {@link OutputFile}: never over the database, the passphrase file or the command's
 * inputs, never over an existing file without {@code --force}, never two outputs into one file.
 */
final class Outputs {
  private final boolean force;
  private final List<Path> protectedPaths;
  private final Cancellation ctrlC;

  private Outputs(boolean force, List<Path> protectedPaths, Cancellation ctrlC) {
    this.force = force;
    this.protectedPaths = protectedPaths;
    this.ctrlC = ctrlC;
  }

  /**
   * Checks {@code outputs} (null ones are options not given) against each other and every protected
   * path.
   */
  static Outputs check(CliContext context, boolean force, List<Path> inputs, Path... outputs) {
    List<Path> guarded = new ArrayList<>();
    Path base = context.location().baseFile();
    if (base != null) {
      for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
        guarded.add(Path.of(base + suffix));
      }
    }
    guarded.add(context.passphrases().passphraseFile());
    guarded.addAll(inputs);
    guarded.removeIf(Objects::isNull);
    Outputs checked = new Outputs(force, List.copyOf(guarded), context.cancellation);
    List<Path> given = new ArrayList<>();
    for (Path output : outputs) {
      if (output == null) {
        continue;
      }
      for (Path earlier : given) {
        if (OutputFile.sameFile(output, earlier)) {
          throw MdtException.usage(output + " is named as two outputs of this command");
        }
      }
      OutputFile.check(output, force, checked.protectedPaths);
      given.add(output);
    }
    return checked;
  }

  /** Writes a whole file; Ctrl-C while it is written leaves no file (nor any temporary one). */
  void write(Path target, OutputFile.Content content) {
    OutputFile.write(
        target,
        force,
        protectedPaths,
        out -> {
          content.writeTo(out);
          ctrlC.check();
        });
  }

  OutputFile.Pending open(Path target) {
    return OutputFile.open(target, force, protectedPaths);
  }
}

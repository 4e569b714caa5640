package org.mdt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.mdt.MdtException;
import org.mdt.db.DbErrors;
import org.mdt.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the one {@link CommandLine} every entry point uses (main, tests, a future shell): its
 * commands get the context through the factory, results go to the context's stdout, and every
 * failure becomes one line on stderr and the exit code of docs/DESIGN.md section 1 (a stack trace
 * only with -v).
 */
public final class CommandFactory {
  private CommandFactory() {}

  /** Parses and runs one command line; returns its exit code. */
  public static int execute(CliContext context, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Building the command tree (about fifty commands, by reflection) is most of mdt's start-up;
      // the
      // version needs none of it. Same lines as picocli's own --version.
      for (String line : new VersionProvider().getVersion()) {
        context.out.println(line);
      }
      context.out.flush();
      return 0;
    }
    return create(context, args).execute(args);
  }

  /** The whole command tree: help, completion, the shell and the man pages need every command. */
  static CommandLine create(CliContext context) {
    return create(context, (String[]) null);
  }

  /**
   * The tree with only the command a line names under the root (all of them when {@code args} is
   * null or names none).
   */
  private static CommandLine create(CliContext context, String[] args) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine commandLine = new CommandLine(MdtCommand.class, factory);
    Class<?> only = args == null ? null : named(commandLine.getCommandSpec(), args);
    for (Class<?> subcommand : MdtCommand.SUBCOMMANDS) {
      if (only == null || only == subcommand) {
        commandLine.addSubcommand(new CommandLine(subcommand, factory));
      }
    }
    commandLine.setOut(context.out);
    commandLine.setErr(context.err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    OwnOptionsHelp.install(commandLine);
    commandLine.registerConverter(LocalDate.class, CommandFactory::isoDate);
    commandLine.setParameterExceptionHandler(CommandFactory::badUsage);
    commandLine.setDefaultValueProvider(
        argument ->
            argument instanceof OptionSpec option && option.longestName().equals("--team")
                ? context.defaultTeam
                : null);
    commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> failed(context, e));
    commandLine.setExecutionStrategy(
        parseResult -> {
          commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(colour(context)));
          if (CommandLine.printHelpIfRequested(parseResult)) {
            return 0;
          }
          CommandLine executed = executed(parseResult);
          // "mdt team" alone: a group, not a command ("mdt audit" is both: it runs, and has
          // "verify")
          if (!executed.getSubcommands().isEmpty()
              && !(executed.getCommand() instanceof java.util.concurrent.Callable)) {
            throw new ParameterException(
                executed,
                "a command is required: one of "
                    + String.join(", ", executed.getSubcommands().keySet()));
          }
          context.commandLine = executed.getCommandSpec().qualifiedName();
          // reports have no rows to count as they go; the line still says mdt is at work (import
          // counts rows)
          boolean report =
              context.commandLine.startsWith("mdt report ")
                  || context.commandLine.startsWith("mdt export ");
          int exitCode;
          try (Progress progress =
              report ? Progress.start(context, context.commandLine, null) : null) {
            exitCode = new CommandLine.RunLast().execute(parseResult);
          } catch (
              Error e) { // out of memory, a class missing from the jar: still one line and exit 4
            exitCode = failed(context, e);
          } catch (
              RuntimeException
                  e) { // the command failed: its error is the one to report, after closing
            closeAfterFailure(context, e);
            throw e;
          }
          return closed(context, exitCode);
        });
    return commandLine;
  }

  /**
   * The top-level command a line names, or null (then the whole tree is built: a mistyped command
   * gets its suggestions, and "mdt --help" lists every command). Global options may come first: the
   * root's own options say which of them take a value.
   */
  private static Class<?> named(CommandSpec root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      OptionSpec option = root.findOption(arg);
      if (option != null) {
        i += option.arity().max() > 0 ? 1 : 0;
      } else if (!arg.startsWith("-")) {
        for (Class<?> subcommand : MdtCommand.SUBCOMMANDS) {
          if (subcommand.getAnnotation(Command.class).name().equals(arg)) {
            return subcommand;
          }
        }
        return null;
      }
    }
    return null;
  }

  /** Colour only for a person at a terminal who has not asked for none (--no-color, NO_COLOR). */
  private static Ansi colour(CliContext context) {
    return !context.interactive || context.noColor || context.env.containsKey("NO_COLOR")
        ? Ansi.OFF
        : Ansi.ON;
  }

  private static CommandLine executed(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    return last.commandSpec().commandLine();
  }

  private static LocalDate isoDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + text + "' is not a date; write it as yyyy-MM-dd");
    }
  }

  /**
   * Closing writes what H2 still holds in memory, so it fails like any write (a full disk): through
   * the same one-line mapping, once the command itself has succeeded.
   */
  private static int closed(CliContext context, int exitCode) {
    try {
      context.close();
      return exitCode;
    } catch (RuntimeException | Error e) {
      return exitCode == 0 ? failed(context, e) : exitCode;
    }
  }

  /**
   * A command that failed may leave a database that cannot close either; its own error says more.
   */
  private static void closeAfterFailure(CliContext context, RuntimeException failure) {
    try {
      context.close();
    } catch (RuntimeException | Error e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Exit 2: one line (docs/DESIGN.md section 1) saying what was wrong and the nearest command or
   * option if any (every command has --help; picocli's three lines broke the one-line rule scripts
   * rely on). Picocli checks required options before unknown ones, so "reassign 2 --to X" would
   * only say --owner is missing: an option the command does not know is the likelier mistake, and
   * is named first.
   */
  private static int badUsage(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    ParameterException reported =
        e instanceof MissingParameterException ? unknownOptions(cl).orElse(e) : e;
    StringBuilder line = new StringBuilder("mdt: ").append(oneLine(reported.getMessage()));
    if (reported instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append(". Did you mean: ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append('?');
    }
    PrintWriter err = cl.getErr();
    err.println(line);
    err.flush();
    return MdtException.USAGE;
  }

  /** The words of a failed parse that look like options the command does not have. */
  private static Optional<ParameterException> unknownOptions(CommandLine cl) {
    List<String> unknown =
        cl.getUnmatchedArguments().stream().filter(arg -> arg.startsWith("-")).toList();
    return unknown.isEmpty()
        ? Optional.empty()
        : Optional.of(new UnmatchedArgumentException(cl, unknown));
  }

  private static int failed(CliContext context, Throwable e) {
    // whatever Ctrl-C broke (a cancelled query fails with an SQL error), the user asked for it to
    // stop
    MdtException failure =
        context.cancellation.isRequested()
            ? MdtException.cancelled()
            : e instanceof MdtException mdt
                ? mdt
                : e instanceof SQLException sql
                    ? DbErrors.translate(sql, context.location())
                    : null;
    if (failure == null) {
      context.err.println(
          "mdt: internal error: "
              + oneLine(e.toString())
              + (context.verbose ? "" : " (run with -v for details)"));
    } else {
      context.err.println("mdt: " + oneLine(failure.getMessage()));
    }
    if (context.verbose) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      trace.toString().lines().forEach(line -> context.err.println(traceLine(line)));
    }
    context.err.flush();
    return failure == null ? MdtException.INTERNAL : failure.exitCode();
  }

  /**
   * A line of a stack trace: its tab indent kept, the rest shown safely (a message may quote a case
   * number).
   */
  private static String traceLine(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == '\t') {
      indent++;
    }
    return line.substring(0, indent) + TerminalText.safe(line.substring(indent));
  }

  /**
   * Errors are one line: libraries' messages (XML parsers, H2) often carry several. A case number
   * or file name in one comes from a user or a roster, so what a terminal would run is shown
   * safely.
   */
  private static String oneLine(String message) {
    return message == null ? "" : TerminalText.safe(message.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  /**
   * Creates commands and mixins with the context, through a constructor taking it when they have
   * one.
   */
  private record ContextFactory(CliContext context) implements IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}

package org.mdt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One command's man page, written as man(7) troff straight from the command model. Picocli's
 * AsciiDoc went through asciidoctor, whose output {@code mandoc -T lint} flagged on every page (an
 * {@code mso} request, an unknown macro, a paragraph after each heading, no date) and whose
 * synopsis broke italics at wrapped labels ({@code --time=HH: _ MM_}); writing the few macros a
 * page needs ourselves avoids both. Text beyond the model (a longer description, examples,
 * environment, files) comes from {@link ManSections}.
 */
final class ManPage {
  private static final int WIDTH = 78;

  private final CommandSpec spec;
  private final String date;
  private final String version;
  private final StringBuilder page = new StringBuilder();

  ManPage(CommandSpec spec, String date, String version) {
    this.spec = spec;
    this.date = date;
    this.version = version;
  }

  /** The page's troff, with {@code sections} (title to text) beside the generated ones. */
  String render(Map<String, String> sections) {
    String name = spec.qualifiedName("-");
    line(
        ".TH "
            + quoted(name.toUpperCase(java.util.Locale.ROOT))
            + " 1 \""
            + date
            + "\" "
            + quoted(version)
            + " "
            + quoted("mdt manual"));
    heading("NAME");
    text(name + " - " + firstSentence());
    heading("SYNOPSIS");
    line(".ad l"); // a synopsis is neither justified nor hyphenated: options are copied from it
    line(".nh");
    synopsis();
    heading("DESCRIPTION");
    paragraphs(String.join("\n", spec.usageMessage().description()));
    extra(sections, "DESCRIPTION");
    arguments();
    options();
    commands();
    extra(sections, "EXAMPLES");
    exitStatus();
    for (String title : List.of("ENVIRONMENT", "FILES")) {
      extra(sections, title);
    }
    seeAlso();
    return page.toString();
  }

  private String firstSentence() {
    String description =
        spec.usageMessage().description().length == 0 ? "" : spec.usageMessage().description()[0];
    int end = description.indexOf(". ");
    return end < 0 ? description.replaceAll("\\.$", "") : description.substring(0, end);
  }

  /**
   * "mdt review record [options] --attended=MEMBER... MEETING", one item a line, filled by the
   * formatter.
   */
  private void synopsis() {
    List<String> items = new ArrayList<>();
    items.add(bold(spec.qualifiedName()));
    if (spec.parent() != null) {
      items.add("[" + italic("global\\~options") + "]");
    }
    for (OptionSpec option : OwnOptionsHelp.own(spec)) {
      items.add(synopsisItem(option, option.required()));
    }
    for (PositionalParamSpec parameter : spec.positionalParameters()) {
      items.add(synopsisItem(parameter, parameter.required()));
    }
    if (!spec.subcommands().isEmpty()) {
      items.add(italic("COMMAND"));
    }
    items.forEach(this::line);
  }

  private static String synopsisItem(ArgSpec arg, boolean required) {
    String item =
        arg instanceof OptionSpec option
            ? bold(escape(option.longestName()))
                + (option.arity().max() > 0 ? "=" + italic(escape(option.paramLabel())) : "")
            : italic(escape(arg.paramLabel()));
    item += arg.isMultiValue() ? "\\&..." : "";
    return required ? item : "[" + item + "]";
  }

  private void arguments() {
    List<PositionalParamSpec> parameters = spec.positionalParameters();
    if (!parameters.isEmpty()) {
      heading("ARGUMENTS");
      parameters.forEach(
          parameter -> item(italic(escape(parameter.paramLabel())), parameter.description()));
    }
  }

  private void options() {
    List<OptionSpec> options = new ArrayList<>(OwnOptionsHelp.own(spec));
    if (options.isEmpty()) {
      return;
    }
    options.sort(
        java.util.Comparator.comparing(option -> option.longestName().replaceFirst("^-+", "")));
    heading("OPTIONS");
    for (OptionSpec option : options) {
      List<String> names = new ArrayList<>();
      for (String optionName : option.names()) {
        names.add(bold(escape(optionName)));
      }
      String label = option.arity().max() > 0 ? "=" + italic(escape(option.paramLabel())) : "";
      item(String.join(", ", names) + label, option.description());
    }
    if (spec.parent() != null) {
      line(".PP");
      text(
          "The global options ("
              + String.join(", ", OwnOptionsHelp.globalOptionNames(spec.root()))
              + ") work with every command; see mdt(1).");
    }
  }

  private void commands() {
    if (spec.subcommands().isEmpty()) {
      return;
    }
    heading("COMMANDS");
    spec.subcommands()
        .forEach(
            (name, sub) ->
                item(bold(escape(name)), sub.getCommandSpec().usageMessage().description()));
  }

  private void exitStatus() {
    heading("EXIT STATUS");
    spec.usageMessage()
        .exitCodeList()
        .forEach((code, meaning) -> item(code.strip(), new String[] {meaning}));
  }

  private void seeAlso() {
    List<String> pages = new ArrayList<>();
    if (spec.parent() != null) {
      pages.add(spec.parent().qualifiedName("-"));
    }
    spec.subcommands().values().forEach(sub -> pages.add(sub.getCommandSpec().qualifiedName("-")));
    if (!pages.isEmpty()) {
      heading("SEE ALSO");
      line(String.join(",\n", pages.stream().map(p -> ".BR " + escape(p) + " (1)").toList()));
    }
  }

  private void extra(Map<String, String> sections, String title) {
    String text = sections.get(title);
    if (text == null) {
      return;
    }
    if (!title.equals("DESCRIPTION")) {
      heading(title);
    } else {
      line(".PP");
    }
    paragraphs(text);
  }

  /**
   * Paragraphs separated by blank lines; lines indented four spaces are an example, shown as typed;
   * a line "TERM :: text" is a tagged item.
   */
  private void paragraphs(String text) {
    boolean first = true;
    for (String paragraph : text.replaceAll("^\n+|\\s+$", "").split("\n\\s*\n")) {
      if (paragraph.startsWith("    ")) {
        if (!first) {
          line(".PP");
        }
        line(".RS 4");
        line(".nf");
        paragraph
            .lines()
            .forEach(example -> line(escapeLine(example.substring(Math.min(4, example.length())))));
        line(".fi");
        line(".RE");
      } else if (paragraph.contains(" :: ")) {
        for (String entry : paragraph.split("\n(?=\\S+ :: )")) {
          String[] parts = entry.split(" :: ", 2);
          item(bold(escape(parts[0])), new String[] {parts[1].replaceAll("\\s*\n\\s*", " ")});
        }
      } else {
        if (!first) {
          line(".PP");
        }
        text(paragraph.replaceAll("\\s*\n\\s*", " "));
      }
      first = false;
    }
  }

  private void item(String tag, String[] description) {
    line(".TP");
    line(tag);
    boolean first = true;
    for (String text : description) {
      if (!first) {
        line(".br");
      }
      text(text);
      first = false;
    }
  }

  private void heading(String title) {
    line(".SH " + quoted(title));
  }

  /** Running text, escaped and filled into lines of at most {@value #WIDTH} characters. */
  private void text(String text) {
    StringBuilder current = new StringBuilder();
    for (String word : escapeLine(text).split(" +")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > WIDTH) {
        line(current.toString());
        current.setLength(0);
        word = word.startsWith(".") ? "\\&" + word : word;
      }
      current.append(current.length() == 0 ? "" : " ").append(word);
    }
    if (current.length() > 0) {
      line(current.toString());
    }
  }

  /** A request or text already made safe. */
  private void line(String line) {
    page.append(line).append('\n');
  }

  /**
   * Text on a line of its own: a leading dot would make it a request, an empty line a paragraph
   * break.
   */
  private static String escapeLine(String text) {
    String escaped = escape(text);
    return escaped.isEmpty() || escaped.startsWith(".") ? "\\&" + escaped : escaped;
  }

  private static String bold(String text) {
    return "\\fB" + text + "\\fR";
  }

  private static String italic(String text) {
    return "\\fI" + text + "\\fR";
  }

  private static String quoted(String text) {
    return "\"" + escape(text) + "\"";
  }

  /**
   * Troff escapes: backslash, minus signs (so that options can be copied), anything beyond ASCII by
   * code.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\\' -> escaped.append("\\e");
                case '-' -> escaped.append("\\-");
                case '\'' -> escaped.append("\\(aq");
                case '"' -> escaped.append("\\(dq");
                default ->
                    escaped.append(c < 128 ? Character.toString(c) : "\\[u%04X]".formatted(c));
              }
            });
    return escaped.toString();
  }
}

package org.mdt.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ScopeType;

/**
 * A subcommand's --help lists its own options only. The global options are inherited from the root
 * (picocli's {@code ScopeType.INHERIT}, so they still parse everywhere), but repeating their twelve
 * lines under every command buried the two or three that command has: a short section names them
 * and points to {@code mdt --help}.
 */
final class OwnOptionsHelp extends Help {
  /** The help section that points to the global options, after a subcommand's own options. */
  private static final String GLOBAL_OPTIONS_SECTION = "mdtGlobalOptions";

  OwnOptionsHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  /** Puts the pointer to the global options into every command's help, below its option list. */
  static void install(CommandLine commandLine) {
    commandLine.setHelpFactory(OwnOptionsHelp::new);
    List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, GLOBAL_OPTIONS_SECTION);
    Map<String, IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
    sections.put(GLOBAL_OPTIONS_SECTION, OwnOptionsHelp::globalOptionsPointer);
    commandLine.setHelpSectionMap(sections);
    commandLine.setHelpSectionKeys(keys);
  }

  /** None on the root, whose help lists them. */
  private static String globalOptionsPointer(Help help) {
    CommandSpec spec = help.commandSpec();
    return spec.parent() == null
        ? ""
        : "%nGlobal options, as for every command (see 'mdt --help'):%n  %s%n"
            .formatted(String.join(", ", globalOptionNames(spec.root())));
  }

  /**
   * The root's options every command inherits, by their long names (--help and --version aside).
   */
  static List<String> globalOptionNames(CommandSpec root) {
    return root.options().stream()
        .filter(
            option ->
                option.scopeType() == ScopeType.INHERIT
                    && !option.usageHelp()
                    && !option.versionHelp())
        .map(OptionSpec::longestName)
        .sorted()
        .toList();
  }

  /** The options this command declares itself: not the root's inherited ones. */
  static List<OptionSpec> own(CommandSpec spec) {
    return spec.options().stream()
        .filter(option -> !option.inherited() && !option.hidden())
        .toList();
  }

  @Override
  protected Ansi.Text createDetailedSynopsisOptionsText(
      Collection<ArgSpec> done,
      List<OptionSpec> options,
      Comparator<OptionSpec> optionSort,
      boolean clusterBooleanOptions) {
    return super.createDetailedSynopsisOptionsText(
        done, own(commandSpec()), optionSort, clusterBooleanOptions);
  }

  /** Columns as wide as this command's own options need, for its parameters and options alike. */
  @Override
  public Layout createDefaultLayout() {
    return createDefaultLayout(
        own(commandSpec()), commandSpec().positionalParameters(), colorScheme());
  }

  @Override
  public String optionList() {
    return optionListExcludingGroups(
        own(commandSpec()),
        createDefaultLayout(),
        createDefaultOptionSort(),
        parameterLabelRenderer());
  }
}

package org.mdt.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mdt.MdtException;
import org.mdt.report.VocaServiceMap;
import org.mdt.review.AgendaInvite;
import org.mdt.settings.ChangeSetting;
import org.mdt.settings.Setting;
import org.mdt.settings.SettingStore;
import org.mdt.text.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "settings",
    description = {
      "Settings grant staff can change, kept in the database (so they travel"
          + " in backups); every change is audited.",
      "voca.serviceMap: the roster services counted under each VOCA service category, as JSON, e.g."
          + " {\"A\": [\"mental_health_referral\"], \"B\": [\"forensic_interview\", \"medical_exam\","
          + " \"victim_advocacy\"], \"C\": [\"mental_health_services\"], \"E\": []}.",
      "ics.timeZone: the time zone of meeting times in invitations (review agenda --ics), such as America/New_York;"
          + " unset, the machine's.",
      "ics.organizer: the e-mail address invitations name as their organizer, to which replies go."
    },
    subcommands = {
      SettingsCommand.Show.class,
      SettingsCommand.Set.class,
      SettingsCommand.Reset.class
    })
final class SettingsCommand {
  /** Every setting mdt knows. */
  static final List<Setting> KNOWN =
      List.of(VocaServiceMap.SETTING, AgendaInvite.TIME_ZONE, AgendaInvite.ORGANIZER);

  static Setting known(String name) {
    return KNOWN.stream()
        .filter(setting -> setting.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                MdtException.usage(
                    "unknown setting '"
                        + name
                        + "'; the settings are "
                        + String.join(", ", KNOWN.stream().map(Setting::name).toList())));
  }

  static Table table(List<SettingStore.Current> settings) {
    Table table = Table.of("name", "NAME", "value", "VALUE", "isDefault", "DEFAULT");
    settings.forEach(
        current -> table.row(current.setting().name(), current.value(), current.isDefault()));
    return table;
  }

  @Command(
      name = "show",
      description = "Show the settings in force (or one), and whether each is mdt's default.")
  static final class Show implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this setting.")
    String name;

    Show(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws SQLException {
      List<Setting> shown = name == null ? KNOWN : List.of(known(name));
      var connection = context.databaseToRead().connection();
      List<SettingStore.Current> settings = new ArrayList<>();
      for (Setting setting : shown) {
        settings.add(SettingStore.current(connection, setting));
      }
      context.printer().table(table(settings));
      return 0;
    }
  }

  @Command(
      name = "set",
      description = "Change a setting; a value the setting does not accept changes nothing.")
  static final class Set implements Callable<Integer> {
    private final CliContext context;

    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "The setting, e.g. voca.serviceMap.")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "VALUE",
        description = "Its new value (JSON for voca.serviceMap).")
    String value;

    Set(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Setting setting = known(name);
      SettingStore.Current current =
          Stores.operation(context, ChangeSetting::new)
              .run(new ChangeSetting.Request(setting, value))
              .current();
      context.printer().table(table(List.of(current)));
      return 0;
    }
  }

  @Command(name = "reset", description = "Put a setting back to mdt's default.")
  static final class Reset implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "The setting.")
    String name;

    Reset(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Setting setting = known(name);
      SettingStore.Current current =
          Stores.operation(context, ChangeSetting::new)
              .run(new ChangeSetting.Request(setting, null))
              .current();
      context.printer().table(table(List.of(current)));
      return 0;
    }
  }
}

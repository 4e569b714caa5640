package org.mdt.settings;

import org.mdt.db.Session;

/** Sets a setting to a value, or puts it back to mdt's default; audited either way. */
public final class ChangeSetting {
  /**
   * @param value the new value, or null to reset the setting to its default
   */
  public record Request(Setting setting, String value) {}

  public record Result(SettingStore.Current current) {}

  private final Session session;

  public ChangeSetting(Session session) {
    this.session = session;
  }

  public Result run(Request request) {
    return session.inTransaction(
        (connection, audit) -> {
          SettingStore settings = new SettingStore(connection, audit);
          return new Result(
              request.value() == null
                  ? settings.reset(request.setting(), session.now())
                  : settings.set(request.setting(), request.value(), session.now()));
        });
  }
}

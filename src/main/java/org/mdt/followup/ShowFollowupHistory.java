package org.mdt.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mdt.db.Database;

/** Every change to one follow-up, oldest first. */
public final class ShowFollowupHistory {
  public record Request(long id) {}

  public record Result(List<FollowupStore.Change> changes) {}

  private final Database database;
  private final Clock clock;

  public ShowFollowupHistory(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Result run(Request request) {
    return database.inTransaction(
        connection -> {
          FollowupStore followups = new FollowupStore(connection, null, null);
          followups.require(request.id(), LocalDate.now(clock));
          return new Result(followups.history(request.id()));
        });
  }
}

package org.mdt.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mdt.MdtException;
import org.mdt.codes.Codes;
import org.mdt.db.AuditLog;
import org.mdt.db.Sql;
import org.mdt.text.EditDistance;

/** Teams and their members: all the SQL of this feature. */
public final class TeamStore {
  private final Connection connection;
  private final AuditLog audit;

  public TeamStore(Connection connection, AuditLog audit) {
    this.connection = connection;
    this.audit = audit;
  }

  public Team addTeam(String name, String cac, String county, OffsetDateTime now)
      throws SQLException {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw MdtException.usage("a team needs a name");
    }
    if (find(trimmed).isPresent()) {
      throw MdtException.domain("team '" + trimmed + "' already exists");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO team (name, name_key, cac, county, created_at) VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, trimmed);
      insert.setString(2, nameKey(trimmed));
      insert.setString(3, cac);
      insert.setString(4, county);
      insert.setObject(5, now);
      insert.executeUpdate();
      long id = Sql.generatedId(insert);
      audit.inserted("team", id, Map.of("name", trimmed));
      return new Team(id, trimmed, cac, county);
    }
  }

  public List<Team> teams() throws SQLException {
    List<Team> teams = new ArrayList<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, name, cac, county FROM team ORDER BY name_key");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        teams.add(team(rs));
      }
    }
    return teams;
  }

  public Optional<Team> find(String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, name, cac, county FROM team WHERE name_key = ?")) {
      query.setString(1, nameKey(name));
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? Optional.of(team(rs)) : Optional.empty();
      }
    }
  }

  /** The named team, which must exist. */
  public Team require(String name) throws SQLException {
    Optional<Team> team = find(name);
    if (team.isEmpty()) {
      throw MdtException.domain("unknown team '" + name + "'" + knownTeams());
    }
    return team.get();
  }

  /**
   * The named team, which must exist; null when no name is given (a filter left open, "any team").
   */
  public Team requireIfNamed(String name) throws SQLException {
    return name == null ? null : require(name);
  }

  /**
   * The team a command works on: the one named, or the only team when none is named. With several
   * teams and none named, the user must say which.
   */
  public Team resolve(String name) throws SQLException {
    if (name != null) {
      return require(name);
    }
    List<Team> teams = teams();
    if (teams.isEmpty()) {
      throw MdtException.domain("no teams yet: add one with 'mdt team add NAME'");
    }
    if (teams.size() > 1) {
      throw MdtException.usage(
          "--team is required: the database has " + teams.size() + " teams" + knownTeams());
    }
    return teams.get(0);
  }

  private String knownTeams() throws SQLException {
    List<String> names = teams().stream().map(Team::name).toList();
    return names.isEmpty() ? "" : " (teams: " + String.join(", ", names) + ")";
  }

  /**
   * Adds an active member. A second active member whose name matches an existing one (ignoring case
   * and surrounding spaces) is refused unless {@code allowSameName}: every command that names
   * members would then have to ask which one was meant.
   */
  public Member addMember(
      Team team,
      String name,
      String discipline,
      String agency,
      String email,
      boolean allowSameName,
      OffsetDateTime now)
      throws SQLException {
    String code =
        Codes.DISCIPLINE
            .lookup(discipline)
            .orElseThrow(
                () ->
                    MdtException.usage(
                        "unknown discipline '"
                            + discipline
                            + "'; one of: "
                            + String.join(", ", Codes.DISCIPLINE.codes())));
    if (name.isBlank()) {
      throw MdtException.usage("a member needs a name");
    }
    Optional<Member> sameName =
        members(team, false).stream()
            .filter(m -> nameKey(m.name()).equals(nameKey(name)))
            .findFirst();
    if (sameName.isPresent() && !allowSameName) {
      throw MdtException.domain(
          "team "
              + team.name()
              + " already has an active member named '"
              + sameName.get().name()
              + "' (id "
              + sameName.get().id()
              + "); add --force to add another of that name");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO member (team_id, name, discipline, agency, email, active, created_at)"
                + " VALUES (?, ?, ?, ?, ?, TRUE, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, team.id());
      insert.setString(2, name.trim());
      insert.setString(3, code);
      insert.setString(4, agency.trim());
      insert.setString(5, email);
      insert.setObject(6, now);
      insert.executeUpdate();
      long id = Sql.generatedId(insert);
      audit.inserted(
          "member", id, Map.of("name", name.trim(), "discipline", code, "team", team.name()));
      return new Member(id, team.name(), name.trim(), code, agency.trim(), email, true);
    }
  }

  /** Members of one team, or of all teams when team is null; inactive ones only when asked. */
  public List<Member> members(Team team, boolean includeInactive) throws SQLException {
    List<Member> members = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT m.id, t.name, m.name, m.discipline, m.agency, m.email, m.active"
                + " FROM member m JOIN team t ON t.id = m.team_id"
                + " WHERE (? IS NULL OR m.team_id = ?) AND (? OR m.active)"
                + " ORDER BY t.name_key, m.discipline, m.name, m.id")) {
      Long teamId = team == null ? null : team.id();
      Sql.bindTwice(query, 1, teamId, java.sql.Types.BIGINT);
      query.setBoolean(3, includeInactive);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          members.add(
              new Member(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBoolean(7)));
        }
      }
    }
    return members;
  }

  /**
   * A member of the team by id or by name, ignoring case and surrounding spaces as for team names
   * (docs/DESIGN.md section 1); only active members take part in meetings and own follow-ups. An
   * unknown name is answered with the nearest active names.
   */
  public Member requireMember(Team team, String reference) throws SQLException {
    List<Member> active = members(team, false);
    List<Member> matches =
        active.stream()
            .filter(
                m ->
                    reference.trim().equals(Long.toString(m.id()))
                        || nameKey(reference).equals(nameKey(m.name())))
            .toList();
    if (matches.isEmpty()) {
      List<String> nearest =
          EditDistance.nearest(reference, active.stream().map(Member::name).toList());
      throw MdtException.domain(
          "no active member '"
              + reference
              + "' in team "
              + team.name()
              + (nearest.isEmpty()
                  ? ""
                  : "; did you mean "
                      + nearest.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "))
                      + "?")
              + " (see 'mdt member list')");
    }
    if (matches.size() > 1) {
      throw MdtException.domain(
          "several members of team "
              + team.name()
              + " are named '"
              + reference
              + "': use the id ("
              + matches.stream().map(m -> Long.toString(m.id())).collect(Collectors.joining(", "))
              + ")");
    }
    return matches.get(0);
  }

  /** The team with this id. */
  public Team team(long id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, name, cac, county FROM team WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          throw MdtException.domain("unknown team id " + id);
        }
        return team(rs);
      }
    }
  }

  public void deactivate(long memberId, OffsetDateTime now) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE member SET active = FALSE, deactivated_at = ? WHERE id = ? AND active")) {
      update.setObject(1, now);
      update.setLong(2, memberId);
      if (update.executeUpdate() == 0) {
        boolean exists = members(null, true).stream().anyMatch(m -> m.id() == memberId);
        throw MdtException.domain(
            exists ? "member " + memberId + " is already inactive" : "unknown member " + memberId);
      }
      audit.updated("member", memberId, Map.of("active", new AuditLog.Change(true, false)));
    }
  }

  private static Team team(ResultSet rs) throws SQLException {
    return new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  /**
   * Team names are unique ignoring case and surrounding spaces: the key they are stored and found
   * by. Active member names within a team are matched the same way.
   */
  public static String nameKey(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}

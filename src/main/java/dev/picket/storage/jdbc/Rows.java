package dev.picket.storage.jdbc;

import dev.picket.model.Issue;
import dev.picket.model.IssueSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Column conversions shared by the stores. */
final class Rows {
  static final String ISSUE_COLUMNS =
      "id, project_id, short_id, title, culprit, level, type, metadata, logger, status,"
          + " first_seen, last_seen, times_seen, status_details, first_release, last_release,"
          + " user_count, ignore_until";

  private Rows() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return Micros.toInstant(rs.getLong(column));
  }

  static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : Micros.toInstant(micros);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Issue issue(ResultSet rs) throws SQLException {
    return new Issue(
        rs.getLong("id"),
        rs.getLong("project_id"),
        rs.getLong("short_id"),
        new IssueSummary(
            rs.getString("title"),
            rs.getString("culprit"),
            rs.getString("level"),
            rs.getString("type"),
            rs.getString("metadata"),
            rs.getString("logger")),
        rs.getString("status"),
        instant(rs, "first_seen"),
        instant(rs, "last_seen"),
        rs.getLong("times_seen"),
        rs.getString("status_details"),
        rs.getString("first_release"),
        rs.getString("last_release"),
        rs.getLong("user_count"),
        nullableInstant(rs, "ignore_until"));
  }

  /** A JSON string literal (quotes included) for the small JSON texts the stores write. */
  static String jsonString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Scopes are stored as a sorted comma list. */
  static String scopes(Collection<String> scopes) {
    for (String scope : scopes) {
      if (scope.isEmpty() || scope.indexOf(',') >= 0) {
        throw new IllegalArgumentException("a scope must be non-empty and contain no comma");
      }
    }
    return String.join(",", new TreeSet<>(scopes));
  }

  static Set<String> scopes(String stored) {
    if (stored == null || stored.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}

package dev.picket.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the raw rows (not through Picket) to compare each issue's {@code times_seen} with the
 * events actually stored for it. Read-only; works while a Picket runs (SQLite WAL, PostgreSQL).
 */
final class StoredIssues {
  /** One issue of the project: its counter and the number of its event rows. */
  record Row(long issueId, long timesSeen, long storedEvents) {}

  private StoredIssues() {}

  static List<Row> of(PicketProcess.Storage storage, long projectId) throws SQLException {
    try (Connection connection = connect(storage);
        PreparedStatement query = connection.prepareStatement(
            "SELECT i.id, i.times_seen, (SELECT COUNT(*) FROM event e WHERE e.issue_id = i.id)"
                + " FROM issue i WHERE i.project_id = ? ORDER BY i.id")) {
      query.setLong(1, projectId);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
      }
      return rows;
    }
  }

  static long storedEvents(List<Row> rows) {
    return rows.stream().mapToLong(Row::storedEvents).sum();
  }

  /** Opens a connection to the storage a Picket was started with. */
  static Connection connect(PicketProcess.Storage storage) throws SQLException {
    if (storage.databaseUrl() == null) {
      Path file = storage.dataDir().resolve("picket.db").toAbsolutePath();
      return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
    // postgresql://user@host:port/db as PostgresTestDatabase hands it out
    URI uri = URI.create(storage.databaseUrl());
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), uri.getUserInfo(), "");
  }
}

package dev.picket.storage.jdbc;

import dev.picket.model.EventId;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.model.StoredEvent;
import dev.picket.storage.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@link EventStore} over JDBC.
 *
 * <p>Concurrent writers (several nodes on one PostgreSQL, or the CLI next to the server on SQLite)
 * are handled like this: SQLite takes the write lock when the transaction begins (BEGIN
 * IMMEDIATE), so batches never interleave. On PostgreSQL every claim of a unique thing (an event
 * id, a hash of a new issue) is an {@code INSERT ... ON CONFLICT DO NOTHING}; when it claims
 * nothing, another writer won, and the whole batch transaction is rolled back and run again, now
 * seeing the winner's rows. The short-id counter is a row update, which PostgreSQL serializes.
 */
final class JdbcEventStore implements EventStore {
  private final Database db;

  JdbcEventStore(Database db) {
    this.db = db;
  }

  @Override
  public List<SavedEvent> saveBatch(List<NewEvent> batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    // Compress outside the transaction: it is CPU work and must not hold the write lock.
    List<byte[]> compressed = new ArrayList<>(batch.size());
    for (NewEvent event : batch) {
      compressed.add(Payloads.compress(event.payload()));
    }
    return db.writeRetrying("save events", h -> BatchSaver.with(h.getConnection(), saver -> {
      List<SavedEvent> saved = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        saved.add(saver.save(batch.get(i), compressed.get(i)));
      }
      return saved;
    }));
  }

  @Override
  public Optional<StoredEvent> find(long projectId, EventId eventId) {
    return db.read("find an event", h -> h
        .createQuery("SELECT id, project_id, issue_id, event_id, timestamp, received, payload, size"
            + " FROM event WHERE project_id = :project AND event_id = :eid")
        .bind("project", projectId)
        .bind("eid", eventId.hex())
        .map((rs, ctx) -> new StoredEvent(
            rs.getLong("id"),
            rs.getLong("project_id"),
            rs.getLong("issue_id"),
            new EventId(rs.getString("event_id")),
            Rows.instant(rs, "timestamp"),
            Rows.instant(rs, "received"),
            Payloads.decompress(rs.getBytes("payload"), rs.getInt("size"))))
        .findOne());
  }

  @Override
  public Optional<EventId> nextInIssue(long issueId, Instant timestamp, EventId eventId) {
    return neighbour(issueId, timestamp, eventId, ">", "ASC");
  }

  @Override
  public Optional<EventId> previousInIssue(long issueId, Instant timestamp, EventId eventId) {
    return neighbour(issueId, timestamp, eventId, "<", "DESC");
  }

  private Optional<EventId> neighbour(
      long issueId, Instant timestamp, EventId eventId, String comparison, String direction) {
    // Row-value comparison matches the (issue_id, timestamp, event_id) index on both databases.
    return db.read("find a neighbouring event", h -> h
        .createQuery("SELECT event_id FROM event WHERE issue_id = :issue"
            + " AND (timestamp, event_id) " + comparison + " (:ts, :eid)"
            + " ORDER BY timestamp " + direction + ", event_id " + direction + " LIMIT 1")
        .bind("issue", issueId)
        .bind("ts", Micros.of(timestamp))
        .bind("eid", eventId.hex())
        .mapTo(String.class)
        .findOne()
        .map(EventId::new));
  }

  @Override
  public long countForProject(long projectId) {
    return db.read("count events", h -> h
        .createQuery("SELECT COUNT(*) FROM event WHERE project_id = :project")
        .bind("project", projectId)
        .mapTo(Long.class)
        .one());
  }
}

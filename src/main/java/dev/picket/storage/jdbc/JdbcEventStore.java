package dev.picket.storage.jdbc;

import dev.picket.model.EventId;
import dev.picket.model.IssueSummary;
import dev.picket.model.NewAttachment;
import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.model.StoredEvent;
import dev.picket.storage.EventStore;
import dev.picket.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  public List<SavedEvent> saveBatch(List<NewEvent> batch, List<NewEnvelopeItems> items) {
    if (batch.isEmpty() && items.isEmpty()) {
      return List.of();
    }
    // Compress outside the transaction: it is CPU work and must not hold the write lock.
    List<byte[]> compressed = new ArrayList<>(batch.size());
    Map<NewAttachment, byte[]> attachments = EnvelopeItemWrites.newCompressedMap();
    for (NewEvent event : batch) {
      compressed.add(Payloads.compress(event.payload()));
      EnvelopeItemWrites.compress(event.attachments(), attachments);
    }
    items.forEach(i -> EnvelopeItemWrites.compress(i.attachments(), attachments));
    return db.writeRetrying("save events", h -> {
      List<SavedEvent> saved = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        SavedEvent result = save(h, batch.get(i), compressed.get(i));
        if (!result.duplicate()) {
          NewEvent event = batch.get(i);
          EnvelopeItemWrites.insertAttachments(h, event.projectId(), event.eventId(), event.attachments(),
              attachments, event.received());
        }
        saved.add(result);
      }
      items.forEach(i -> EnvelopeItemWrites.save(h, i, attachments));
      return saved;
    });
  }

  private SavedEvent save(Handle h, NewEvent event, byte[] payload) {
    long project = event.projectId();
    String eventId = event.eventId().hex();
    Optional<SavedEvent> existing = h
        .createQuery("SELECT id, issue_id FROM event WHERE project_id = :project AND event_id = :eid")
        .bind("project", project)
        .bind("eid", eventId)
        .map((rs, ctx) -> new SavedEvent(rs.getLong("id"), rs.getLong("issue_id"), event.eventId(), true))
        .findOne();
    if (existing.isPresent()) {
      return existing.get();
    }

    List<String> hashes = List.copyOf(new LinkedHashSet<>(event.hashes()));
    Map<String, Long> known = new HashMap<>();
    h.createQuery("SELECT hash, issue_id FROM issue_hash"
            + " WHERE project_id = :project AND hash IN (<hashes>)")
        .bind("project", project)
        .bindList("hashes", hashes)
        .map((rs, ctx) -> Map.entry(rs.getString("hash"), rs.getLong("issue_id")))
        .forEach(e -> known.put(e.getKey(), e.getValue()));
    long ts = Micros.of(event.timestamp());
    String release = event.release();
    Long releaseOrder = release == null
        ? null : IssueAggregates.recordRelease(h, project, release, Micros.of(event.received()));
    Long issueId = hashes.stream().map(known::get).filter(id -> id != null).findFirst().orElse(null);
    boolean created = issueId == null;
    if (created) {
      issueId = createIssue(h, project, event.summary(), ts, release);
      for (String hash : hashes) {
        if (attach(h, project, hash, issueId) == 0) {
          throw new Database.LostRace("a concurrent writer created an issue for the same hash");
        }
      }
    } else {
      for (String hash : hashes) {
        if (!known.containsKey(hash)) {
          attach(h, project, hash, issueId);
        }
      }
      touchIssue(h, issueId, event.summary(), ts, release);
    }
    IssueAggregates.count(h, issueId, event, ts);
    if (!created) {
      IssueAggregates.applyLifecycle(h, issueId, releaseOrder, release, event.received());
    }

    long id = h
        .createQuery("INSERT INTO event"
            + " (project_id, issue_id, event_id, timestamp, received, payload, size)"
            + " VALUES (:project, :issue, :eid, :ts, :received, :payload, :size)"
            + " ON CONFLICT DO NOTHING RETURNING id")
        .bind("project", project)
        .bind("issue", issueId)
        .bind("eid", eventId)
        .bind("ts", ts)
        .bind("received", Micros.of(event.received()))
        .bind("payload", payload)
        .bind("size", event.payload().length)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Database.LostRace("a concurrent writer stored the same event id"));
    return new SavedEvent(id, issueId, event.eventId(), false);
  }

  private static long createIssue(Handle h, long project, IssueSummary summary, long ts, String release) {
    long shortId = h
        .createQuery("UPDATE project SET next_short_id = next_short_id + 1 WHERE id = :project"
            + " RETURNING next_short_id - 1")
        .bind("project", project)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new StorageException("could not save events: no such project", null));
    return h
        .createQuery("INSERT INTO issue (project_id, short_id, title, culprit, level, type,"
            + " metadata, logger, status, first_seen, last_seen, times_seen, first_release, last_release)"
            + " VALUES (:project, :short, :title, :culprit, :level, :type,"
            + " :metadata, :logger, 'unresolved', :ts, :ts, 1, :release, :release) RETURNING id")
        .bind("release", release)
        .bind("project", project)
        .bind("short", shortId)
        .bind("title", summary.title())
        .bind("culprit", summary.culprit())
        .bind("level", summary.level())
        .bind("type", summary.type())
        .bind("metadata", summary.metadata())
        .bind("logger", summary.logger())
        .bind("ts", ts)
        .mapTo(Long.class)
        .one();
  }

  private static int attach(Handle h, long project, String hash, long issueId) {
    return h
        .createUpdate("INSERT INTO issue_hash (project_id, hash, issue_id)"
            + " VALUES (:project, :hash, :issue) ON CONFLICT DO NOTHING")
        .bind("project", project)
        .bind("hash", hash)
        .bind("issue", issueId)
        .execute();
  }

  /**
   * Counts the event and widens the seen range. The summary follows the newest event: it is
   * replaced when this event is at least as new as the issue's last-seen time. So is the last
   * release (when the event has one); an event older than the first-seen time sets the first release.
   */
  private static void touchIssue(Handle h, long issueId, IssueSummary summary, long ts, String release) {
    String newest = "CASE WHEN :ts >= last_seen THEN :%s ELSE %s END";
    h.createUpdate("UPDATE issue SET times_seen = times_seen + 1,"
            + " first_seen = CASE WHEN :ts < first_seen THEN :ts ELSE first_seen END,"
            + " last_seen = CASE WHEN :ts > last_seen THEN :ts ELSE last_seen END,"
            + " title = " + newest.formatted("title", "title") + ","
            + " culprit = " + newest.formatted("culprit", "culprit") + ","
            + " level = " + newest.formatted("level", "level") + ","
            + " type = " + newest.formatted("type", "type") + ","
            + " metadata = " + newest.formatted("metadata", "metadata") + ","
            + " logger = " + newest.formatted("logger", "logger") + ","
            + " last_release = CASE WHEN :ts >= last_seen THEN COALESCE(CAST(:release AS TEXT), last_release)"
            + " ELSE last_release END,"
            + " first_release = CASE WHEN :ts < first_seen THEN COALESCE(CAST(:release AS TEXT), first_release)"
            + " ELSE first_release END"
            + " WHERE id = :issue")
        .bind("release", release)
        .bind("ts", ts)
        .bind("title", summary.title())
        .bind("culprit", summary.culprit())
        .bind("level", summary.level())
        .bind("type", summary.type())
        .bind("metadata", summary.metadata())
        .bind("logger", summary.logger())
        .bind("issue", issueId)
        .execute();
  }

  private static final String EVENT_COLUMNS =
      "id, project_id, issue_id, event_id, timestamp, received, payload, size";

  private static StoredEvent storedEvent(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredEvent(
        rs.getLong("id"),
        rs.getLong("project_id"),
        rs.getLong("issue_id"),
        new EventId(rs.getString("event_id")),
        Rows.instant(rs, "timestamp"),
        Rows.instant(rs, "received"),
        Payloads.decompress(rs.getBytes("payload"), rs.getInt("size")));
  }

  @Override
  public Optional<StoredEvent> find(long projectId, EventId eventId) {
    return db.read("find an event", h -> h
        .createQuery("SELECT " + EVENT_COLUMNS + " FROM event WHERE project_id = :project AND event_id = :eid")
        .bind("project", projectId)
        .bind("eid", eventId.hex())
        .map((rs, ctx) -> storedEvent(rs))
        .findOne());
  }

  @Override
  public List<StoredEvent> listForIssue(long issueId, int offset, int limit) {
    return list("issue_id", issueId, "DESC", offset, limit);
  }

  @Override
  public List<StoredEvent> listForProject(long projectId, int offset, int limit) {
    return list("project_id", projectId, "DESC", offset, limit);
  }

  @Override
  public Optional<StoredEvent> latestInIssue(long issueId) {
    return list("issue_id", issueId, "DESC", 0, 1).stream().findFirst();
  }

  @Override
  public Optional<StoredEvent> oldestInIssue(long issueId) {
    return list("issue_id", issueId, "ASC", 0, 1).stream().findFirst();
  }

  private List<StoredEvent> list(String column, long id, String direction, int offset, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read("list events", h -> h
        .createQuery("SELECT " + EVENT_COLUMNS + " FROM event WHERE " + column + " = :id"
            + " ORDER BY timestamp " + direction + ", event_id " + direction + " LIMIT :limit OFFSET :offset")
        .bind("id", id)
        .bind("limit", limit)
        .bind("offset", Math.max(0, offset))
        .map((rs, ctx) -> storedEvent(rs))
        .list());
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

package dev.picket.storage.jdbc;

import dev.picket.model.IssueSummary;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Saves one batch of events inside the caller's transaction with plain JDBC: each statement is
 * prepared once per batch and run for every event, instead of parsed, prepared, bound through the
 * generic argument machinery and finalized once per event (that cost the single writer thread most
 * of its time). The SQL and the rules are those described in {@link JdbcEventStore}. Not
 * thread-safe; close it before the transaction ends.
 */
final class BatchSaver implements AutoCloseable {
  private static final String NEWEST = "CASE WHEN ? >= last_seen THEN ? ELSE %s END";

  private final Connection c;
  private final PreparedStatement existing;
  private final PreparedStatement hashLookup;
  private final PreparedStatement attach;
  private final PreparedStatement insertEvent;
  private PreparedStatement nextShortId;
  private PreparedStatement createIssue;
  private PreparedStatement touchIssue;

  BatchSaver(Connection c) throws SQLException {
    this.c = c;
    this.existing = c.prepareStatement(
        "SELECT id, issue_id FROM event WHERE project_id = ? AND event_id = ?");
    this.hashLookup = c.prepareStatement(
        "SELECT issue_id FROM issue_hash WHERE project_id = ? AND hash = ?");
    this.attach = c.prepareStatement("INSERT INTO issue_hash (project_id, hash, issue_id)"
        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    this.insertEvent = c.prepareStatement("INSERT INTO event"
        + " (project_id, issue_id, event_id, timestamp, received, payload, size)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id");
  }

  /** Runs {@code work} on a saver, turning SQL failures into Jdbi's exception type. */
  static <T> T with(Connection c, SqlWork<T> work) {
    try (BatchSaver saver = new BatchSaver(c)) {
      return work.run(saver);
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  interface SqlWork<T> {
    T run(BatchSaver saver) throws SQLException;
  }

  SavedEvent save(NewEvent event, byte[] payload) throws SQLException {
    long project = event.projectId();
    String eventId = event.eventId().hex();
    existing.setLong(1, project);
    existing.setString(2, eventId);
    try (ResultSet rs = existing.executeQuery()) {
      if (rs.next()) {
        return new SavedEvent(rs.getLong(1), rs.getLong(2), event.eventId(), true);
      }
    }
    Map<String, Long> known = new LinkedHashMap<>();
    for (String hash : new LinkedHashSet<>(event.hashes())) {
      known.put(hash, issueOf(project, hash));
    }
    long ts = Micros.of(event.timestamp());
    Long issueId = known.values().stream().filter(id -> id != null).findFirst().orElse(null);
    if (issueId == null) {
      issueId = createIssue(project, event.summary(), ts);
      for (String hash : known.keySet()) {
        if (attach(project, hash, issueId) == 0) {
          throw new Database.LostRace("a concurrent writer created an issue for the same hash");
        }
      }
    } else {
      for (Map.Entry<String, Long> e : known.entrySet()) {
        if (e.getValue() == null) {
          attach(project, e.getKey(), issueId);
        }
      }
      touchIssue(issueId, event.summary(), ts);
    }
    return new SavedEvent(insertEvent(event, issueId, ts, payload), issueId, event.eventId(), false);
  }

  private Long issueOf(long project, String hash) throws SQLException {
    hashLookup.setLong(1, project);
    hashLookup.setString(2, hash);
    try (ResultSet rs = hashLookup.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private int attach(long project, String hash, long issueId) throws SQLException {
    attach.setLong(1, project);
    attach.setString(2, hash);
    attach.setLong(3, issueId);
    return attach.executeUpdate();
  }

  private long insertEvent(NewEvent event, long issueId, long ts, byte[] payload) throws SQLException {
    insertEvent.setLong(1, event.projectId());
    insertEvent.setLong(2, issueId);
    insertEvent.setString(3, event.eventId().hex());
    insertEvent.setLong(4, ts);
    insertEvent.setLong(5, Micros.of(event.received()));
    insertEvent.setBytes(6, payload);
    insertEvent.setInt(7, event.payload().length);
    try (ResultSet rs = insertEvent.executeQuery()) {
      if (!rs.next()) {
        throw new Database.LostRace("a concurrent writer stored the same event id");
      }
      return rs.getLong(1);
    }
  }

  private long createIssue(long project, IssueSummary s, long ts) throws SQLException {
    if (nextShortId == null) {
      nextShortId = c.prepareStatement("UPDATE project SET next_short_id = next_short_id + 1"
          + " WHERE id = ? RETURNING next_short_id - 1");
      createIssue = c.prepareStatement("INSERT INTO issue (project_id, short_id, title, culprit,"
          + " level, type, metadata, logger, status, first_seen, last_seen, times_seen)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unresolved', ?, ?, 1) RETURNING id");
    }
    nextShortId.setLong(1, project);
    long shortId;
    try (ResultSet rs = nextShortId.executeQuery()) {
      if (!rs.next()) {
        throw new StorageException("could not save events: no such project", null);
      }
      shortId = rs.getLong(1);
    }
    createIssue.setLong(1, project);
    createIssue.setLong(2, shortId);
    List<String> texts = texts(s);
    for (int i = 0; i < texts.size(); i++) {
      createIssue.setString(3 + i, texts.get(i));
    }
    createIssue.setLong(9, ts);
    createIssue.setLong(10, ts);
    try (ResultSet rs = createIssue.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Counts the event, widens the seen range; the summary follows the newest event. */
  private void touchIssue(long issueId, IssueSummary s, long ts) throws SQLException {
    if (touchIssue == null) {
      touchIssue = c.prepareStatement("UPDATE issue SET times_seen = times_seen + 1,"
          + " first_seen = CASE WHEN ? < first_seen THEN ? ELSE first_seen END,"
          + " last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END,"
          + " title = " + NEWEST.formatted("title") + ","
          + " culprit = " + NEWEST.formatted("culprit") + ","
          + " level = " + NEWEST.formatted("level") + ","
          + " type = " + NEWEST.formatted("type") + ","
          + " metadata = " + NEWEST.formatted("metadata") + ","
          + " logger = " + NEWEST.formatted("logger")
          + " WHERE id = ?");
    }
    int p = 1;
    for (int i = 0; i < 4; i++) {
      touchIssue.setLong(p++, ts);
    }
    for (String text : texts(s)) {
      touchIssue.setLong(p++, ts);
      touchIssue.setString(p++, text);
    }
    touchIssue.setLong(p, issueId);
    touchIssue.executeUpdate();
  }

  private static List<String> texts(IssueSummary s) {
    List<String> out = new ArrayList<>(6);
    out.add(s.title());
    out.add(s.culprit());
    out.add(s.level());
    out.add(s.type());
    out.add(s.metadata());
    out.add(s.logger());
    return out;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement s : new PreparedStatement[] {
        existing, hashLookup, attach, insertEvent, nextShortId, createIssue, touchIssue}) {
      try {
        if (s != null) {
          s.close();
        }
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}

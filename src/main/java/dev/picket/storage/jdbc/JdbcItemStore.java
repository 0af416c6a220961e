package dev.picket.storage.jdbc;

import dev.picket.model.Attachment;
import dev.picket.model.EventId;
import dev.picket.model.UserReport;
import dev.picket.storage.ItemStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ItemStore} over JDBC; the writes live in {@link EnvelopeItemWrites}. */
final class JdbcItemStore implements ItemStore {
  private static final String ATTACHMENT_COLUMNS =
      "id, project_id, event_id, name, content_type, type, size, sha1, date_created";
  private static final String REPORT_COLUMNS =
      "id, project_id, event_id, name, email, comments, date_created";

  private final Database db;

  JdbcItemStore(Database db) {
    this.db = db;
  }

  @Override
  public List<Attachment> attachments(long projectId, EventId eventId) {
    return db.read("list attachments", h -> h
        .createQuery("SELECT " + ATTACHMENT_COLUMNS + " FROM event_attachment"
            + " WHERE project_id = :project AND event_id = :eid ORDER BY id")
        .bind("project", projectId)
        .bind("eid", eventId.hex())
        .map((rs, ctx) -> attachment(rs))
        .list());
  }

  @Override
  public Optional<Attachment> attachment(long projectId, EventId eventId, long attachmentId) {
    return db.read("find an attachment", h -> h
        .createQuery("SELECT " + ATTACHMENT_COLUMNS + " FROM event_attachment"
            + " WHERE id = :id AND project_id = :project AND event_id = :eid")
        .bind("id", attachmentId)
        .bind("project", projectId)
        .bind("eid", eventId.hex())
        .map((rs, ctx) -> attachment(rs))
        .findOne());
  }

  @Override
  public Optional<byte[]> attachmentData(long projectId, long attachmentId) {
    return db.read("read an attachment", h -> h
        .createQuery("SELECT data, size FROM event_attachment WHERE id = :id AND project_id = :project")
        .bind("id", attachmentId)
        .bind("project", projectId)
        .map((rs, ctx) -> Payloads.decompress(rs.getBytes("data"), Math.toIntExact(rs.getLong("size"))))
        .findOne());
  }

  @Override
  public Optional<UserReport> userReport(long projectId, EventId eventId) {
    return db.read("find a user report", h -> h
        .createQuery("SELECT " + REPORT_COLUMNS + " FROM user_report WHERE project_id = :project AND event_id = :eid")
        .bind("project", projectId)
        .bind("eid", eventId.hex())
        .map((rs, ctx) -> userReport(rs))
        .findOne());
  }

  @Override
  public List<UserReport> userReports(long projectId, int offset, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read("list user reports", h -> h
        .createQuery("SELECT " + REPORT_COLUMNS + " FROM user_report WHERE project_id = :project"
            + " ORDER BY date_created DESC, id DESC LIMIT :limit OFFSET :offset")
        .bind("project", projectId)
        .bind("limit", limit)
        .bind("offset", Math.max(0, offset))
        .map((rs, ctx) -> userReport(rs))
        .list());
  }

  @Override
  public Map<String, Long> itemCounts(long projectId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    db.read("count items", h -> h
        .createQuery("SELECT type, SUM(count) AS total FROM item_count WHERE project_id = :project"
            + " GROUP BY type ORDER BY type")
        .bind("project", projectId)
        .map((rs, ctx) -> Map.entry(rs.getString("type"), rs.getLong("total")))
        .list())
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getLong("project_id"), new EventId(rs.getString("event_id")),
        rs.getString("name"), rs.getString("content_type"), rs.getString("type"), rs.getLong("size"),
        rs.getString("sha1"), Rows.instant(rs, "date_created"));
  }

  private static UserReport userReport(ResultSet rs) throws SQLException {
    return new UserReport(rs.getLong("id"), rs.getLong("project_id"), new EventId(rs.getString("event_id")),
        rs.getString("name"), rs.getString("email"), rs.getString("comments"), Rows.instant(rs, "date_created"));
  }
}

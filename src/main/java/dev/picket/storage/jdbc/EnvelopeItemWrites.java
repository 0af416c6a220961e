package dev.picket.storage.jdbc;

import dev.picket.model.EventId;
import dev.picket.model.NewAttachment;
import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewUserReport;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The writes of what envelopes carry besides the event (attachments, user reports, item counts),
 * run inside {@link JdbcEventStore}'s batch transaction. Attachment bytes are compressed before
 * the transaction begins ({@link #compress}), so the write lock is never held for CPU work.
 */
final class EnvelopeItemWrites {
  private static final long DAY_SECONDS = 86_400;

  private EnvelopeItemWrites() {}

  /** The zstd form of every attachment's bytes, keyed by the attachment (identity). */
  static Map<NewAttachment, byte[]> compress(List<NewAttachment> attachments, Map<NewAttachment, byte[]> into) {
    for (NewAttachment attachment : attachments) {
      into.computeIfAbsent(attachment, a -> Payloads.compress(a.data()));
    }
    return into;
  }

  static Map<NewAttachment, byte[]> newCompressedMap() {
    return new IdentityHashMap<>();
  }

  static void insertAttachments(Handle h, long project, EventId eventId, List<NewAttachment> attachments,
      Map<NewAttachment, byte[]> compressed, Instant received) {
    for (NewAttachment a : attachments) {
      h.createUpdate("INSERT INTO event_attachment"
              + " (project_id, event_id, name, content_type, type, size, sha1, data, date_created)"
              + " VALUES (:project, :eid, :name, :contentType, :type, :size, :sha1, :data, :created)")
          .bind("project", project)
          .bind("eid", eventId.hex())
          .bind("name", a.name())
          .bind("contentType", a.contentType())
          .bind("type", a.type())
          .bind("size", (long) a.size())
          .bind("sha1", a.sha1())
          .bind("data", compressed.get(a))
          .bind("created", Micros.of(received))
          .execute();
    }
  }

  static void save(Handle h, NewEnvelopeItems items, Map<NewAttachment, byte[]> compressed) {
    long project = items.projectId();
    insertAttachments(h, project, items.eventId(), items.attachments(), compressed, items.received());
    for (NewUserReport report : items.userReports()) {
      upsertUserReport(h, project, report, items.received());
    }
    long day = Math.floorDiv(items.received().getEpochSecond(), DAY_SECONDS) * DAY_SECONDS;
    items.itemCounts().forEach((type, n) -> h
        .createUpdate("INSERT INTO item_count (project_id, type, day, count) VALUES (:project, :type, :day, :n)"
            + " ON CONFLICT (project_id, type, day) DO UPDATE SET count = item_count.count + excluded.count")
        .bind("project", project)
        .bind("type", type)
        .bind("day", day)
        .bind("n", (long) n)
        .execute());
  }

  /** Sentry keeps one report per event: a later one replaces the text and keeps id and date. */
  private static void upsertUserReport(Handle h, long project, NewUserReport report, Instant received) {
    h.createUpdate("INSERT INTO user_report (project_id, event_id, name, email, comments, date_created)"
            + " VALUES (:project, :eid, :name, :email, :comments, :created)"
            + " ON CONFLICT (project_id, event_id) DO UPDATE SET name = excluded.name,"
            + " email = excluded.email, comments = excluded.comments")
        .bind("project", project)
        .bind("eid", report.eventId().hex())
        .bind("name", report.name())
        .bind("email", report.email())
        .bind("comments", report.comments())
        .bind("created", Micros.of(received))
        .execute();
  }
}

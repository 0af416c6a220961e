package dev.picket.storage;

import dev.picket.model.Attachment;
import dev.picket.model.EventId;
import dev.picket.model.UserReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What envelopes carried besides their events, as {@link EventStore#saveBatch(List, List)} wrote
 * it: attachments, user reports and counts of the item types Picket accepts but does not keep.
 * "Not found" is an empty result; nothing here checks that the event itself exists.
 */
public interface ItemStore {
  /** The attachments stored for this event id in this project, in the order they were stored. */
  List<Attachment> attachments(long projectId, EventId eventId);

  /** The attachment with this row id, when it belongs to this project and event id. */
  Optional<Attachment> attachment(long projectId, EventId eventId, long attachmentId);

  /** The plain bytes of the attachment with this row id, when it belongs to this project. */
  Optional<byte[]> attachmentData(long projectId, long attachmentId);

  /** The user report about this event id in this project, if any. */
  Optional<UserReport> userReport(long projectId, EventId eventId);

  /** The project's user reports, newest first by (date, id), skipping {@code offset}. */
  List<UserReport> userReports(long projectId, int offset, int limit);

  /** How many items of each counted type the project has received, over all days. */
  Map<String, Long> itemCounts(long projectId);
}

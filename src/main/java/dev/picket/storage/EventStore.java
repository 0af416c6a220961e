package dev.picket.storage;

import dev.picket.model.EventId;
import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.model.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events and the issues they create. Only the ingest writer calls {@link #saveBatch}. */
public interface EventStore {
  /**
   * Writes a batch in one transaction, in order. For each event: if the project already has its
   * event id, nothing changes and the result is marked duplicate with the existing row and issue.
   * Otherwise the event joins the issue of the first of its hashes that the project knows (the
   * other hashes are attached to that issue), or creates a new issue with all its hashes; the
   * issue's count, last-seen time, first-seen time and summary are updated, and so are its
   * releases, users ({@code sentry:user} values), hourly count and tag facets. The project's release
   * is recorded on first sight. An existing issue's status then follows
   * {@link dev.picket.model.IssueLifecycle} (a regression is recorded as {@code set_regression}
   * activity), judged at the event's received time. Returns one result per
   * input, in input order. Either all of the batch is committed or none of it is.
   */
  default List<SavedEvent> saveBatch(List<NewEvent> batch) {
    return saveBatch(batch, List.of());
  }

  /**
   * {@link #saveBatch(List)} plus, in the same transaction, what the envelopes carried besides
   * their events: each event's {@link NewEvent#attachments()} (not stored again when the event is
   * a duplicate), and for each {@link NewEnvelopeItems} its attachments, its user reports (one per
   * project and event id: a later report replaces the name, email and comments of an earlier one,
   * which keeps its id and date) and its item counts (added to the project's count per type and
   * UTC day). Returns one result per event, in input order; read the rest through
   * {@link ItemStore}.
   */
  List<SavedEvent> saveBatch(List<NewEvent> batch, List<NewEnvelopeItems> items);

  /** The event with this id in this project; empty when the project has no such event. */
  Optional<StoredEvent> find(long projectId, EventId eventId);

  /**
   * The event of the same issue that comes right after ({@code timestamp}, {@code eventId}) in
   * (timestamp, event id) order; empty when it is the last.
   */
  Optional<EventId> nextInIssue(long issueId, Instant timestamp, EventId eventId);

  /** The mirror of {@link #nextInIssue}: the event right before, or empty when it is the first. */
  Optional<EventId> previousInIssue(long issueId, Instant timestamp, EventId eventId);

  /** The issue's events, newest first by (timestamp, event id), skipping {@code offset}. */
  List<StoredEvent> listForIssue(long issueId, int offset, int limit);

  /** The project's events, newest first by (timestamp, event id), skipping {@code offset}. */
  List<StoredEvent> listForProject(long projectId, int offset, int limit);

  /** The issue's newest event by (timestamp, event id); empty when it has none. */
  Optional<StoredEvent> latestInIssue(long issueId);

  /** The issue's oldest event by (timestamp, event id); empty when it has none. */
  Optional<StoredEvent> oldestInIssue(long issueId);

  /** How many events the project has stored. */
  long countForProject(long projectId);
}

package dev.picket.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalized, grouped event ready to be written. {@code payload} is the normalized event as
 * UTF-8 JSON in Sentry's snake_case schema; {@code hashes} are its grouping hashes, primary first.
 * The issue fields ({@code title} ...) describe the issue this event creates when its hashes are
 * new. {@code tags} are the event's stored tags (one value per key, the first wins); the issue's
 * releases, users and tag facets are counted from them. {@code attachments} are the envelope's
 * attachment items, stored in the same transaction as the event (and not again when the event
 * is a duplicate).
 */
public record NewEvent(
    long projectId,
    EventId eventId,
    Instant timestamp,
    Instant received,
    List<String> hashes,
    IssueSummary summary,
    byte[] payload,
    List<EventTag> tags,
    List<NewAttachment> attachments) {
  public NewEvent {
    attachments = List.copyOf(attachments);
    hashes = List.copyOf(hashes);
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("an event needs at least one hash");
    }
    Map<String, EventTag> byKey = new LinkedHashMap<>();
    for (EventTag tag : tags) {
      byKey.putIfAbsent(tag.key(), tag);
    }
    tags = List.copyOf(byKey.values());
  }

  public NewEvent(long projectId, EventId eventId, Instant timestamp, Instant received,
      List<String> hashes, IssueSummary summary, byte[] payload, List<EventTag> tags) {
    this(projectId, eventId, timestamp, received, hashes, summary, payload, tags, List.of());
  }

  public NewEvent(long projectId, EventId eventId, Instant timestamp, Instant received,
      List<String> hashes, IssueSummary summary, byte[] payload) {
    this(projectId, eventId, timestamp, received, hashes, summary, payload, List.of());
  }

  /** This event with the envelope's attachments. */
  public NewEvent withAttachments(List<NewAttachment> added) {
    return new NewEvent(projectId, eventId, timestamp, received, hashes, summary, payload, tags, added);
  }

  /** The value of the tag with this key, or null. */
  public String tag(String key) {
    return tags.stream().filter(t -> t.key().equals(key)).map(EventTag::value).findFirst().orElse(null);
  }

  /** The event's release ({@code sentry:release}), or null. */
  public String release() {
    return tag(EventTag.RELEASE);
  }
}

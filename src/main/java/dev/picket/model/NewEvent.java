package dev.picket.model;

import java.time.Instant;
import java.util.List;

/**
 * A normalized, grouped event ready to be written. {@code payload} is the normalized event as
 * UTF-8 JSON in Sentry's snake_case schema; {@code hashes} are its grouping hashes, primary first.
 * The issue fields ({@code title} ...) describe the issue this event creates when its hashes are
 * new.
 */
public record NewEvent(
    long projectId,
    EventId eventId,
    Instant timestamp,
    Instant received,
    List<String> hashes,
    IssueSummary summary,
    byte[] payload) {
  public NewEvent {
    hashes = List.copyOf(hashes);
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("an event needs at least one hash");
    }
  }
}

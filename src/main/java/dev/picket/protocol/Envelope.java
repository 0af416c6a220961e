package dev.picket.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Sentry envelope: the header object (unknown keys kept) and its items in body order.
 * Built by {@link EnvelopeParser}; the header node is shared, not copied.
 */
public record Envelope(ObjectNode headers, List<EnvelopeItem> items) {

  /** Requires both parts; copies the item list. */
  public Envelope {
    Objects.requireNonNull(headers, "headers");
    items = List.copyOf(items);
  }

  /**
   * The header {@code event_id} in canonical form; accepts 32 hex or a hyphenated UUID (sentry-cli
   * sends {@code 3fea1031-00a7-...}). Empty when absent, null or not an id.
   */
  public Optional<EventId> eventId() {
    JsonNode id = headers.get("event_id");
    return id != null && id.isTextual() ? EventId.parse(id.textValue()) : Optional.empty();
  }

  /** The header {@code dsn} text (self-authenticating envelopes, e.g. sentry-ruby), if a string. */
  public Optional<String> dsn() {
    JsonNode dsn = headers.get("dsn");
    return dsn != null && dsn.isTextual() ? Optional.of(dsn.textValue()) : Optional.empty();
  }
}

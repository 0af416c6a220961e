package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import java.util.Optional;

/** {@code event_id}: the envelope header wins; an invalid payload id is replaced and recorded. */
final class EventIds {
  private EventIds() {}

  static void apply(ObjectNode in, ObjectNode out, IngestContext ctx, EventErrors errors) {
    if (ctx.envelopeEventId() != null) {
      out.put("event_id", ctx.envelopeEventId().hex());
      return;
    }
    JsonNode raw = in.get("event_id");
    Optional<EventId> id = EventId.parse(Json.text(raw));
    if (id.isEmpty() && !Json.isEmpty(raw)) {
      errors.invalidData("event_id", raw, "expected an event id");
    }
    out.put("event_id", id.orElseGet(EventId::random).hex());
  }
}

package dev.picket.http.api;

import static dev.picket.http.api.StacktraceRenderer.orNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.StoredEvent;
import dev.picket.protocol.EventJson;
import java.util.Optional;

/**
 * Event list items: Sentry 10+'s SimpleEventSerializer shape (reference §8.2), or with
 * {@code full} the event-details body without next/previous.
 */
final class SimpleEventRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SimpleEventRenderer() {}

  static JsonNode render(StoredEvent stored, boolean full) {
    JsonNode event = EventJson.readTree(stored.payload());
    if (full) {
      ObjectNode out = EventDetailsRenderer.render(stored, event, Optional.empty(), Optional.empty());
      out.remove("nextEventID");
      out.remove("previousEventID");
      return out;
    }
    ObjectNode out = F.objectNode();
    out.put("id", stored.eventId().hex());
    out.put("event.type", event.path("type").asText("default"));
    out.put("groupID", String.valueOf(stored.issueId()));
    out.put("eventID", stored.eventId().hex());
    out.put("projectID", String.valueOf(stored.projectId()));
    out.put("message", EventMessage.of(event));
    out.set("title", orNull(event.get("title")));
    out.set("location", orNull(event.get("location")));
    out.set("culprit", orNull(event.get("culprit")));
    out.set("user", user(event.get("user")));
    out.set("tags", TagsRenderer.render(event.path("tags")));
    out.set("platform", orNull(event.get("platform")));
    out.put("dateCreated", ApiDates.seconds(stored.timestamp()));
    out.putNull("crashFile");
    return out;
  }

  private static JsonNode user(JsonNode user) {
    if (user == null || !user.isObject()) {
      return F.nullNode();
    }
    ObjectNode out = F.objectNode();
    for (String key : new String[] {"id", "email", "username", "ip_address", "name"}) {
      out.set(key, orNull(user.get(key)));
    }
    out.set("data", user.path("data").isObject() ? user.get("data") : F.objectNode());
    return out;
  }
}

package dev.picket.http.api;

import static dev.picket.http.api.StacktraceRenderer.orNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import dev.picket.model.StoredEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The body of "Retrieve an Event for a Project": the seed's Sentry 9.0 fields with their 9.0
 * meaning, followed by the additive fields of later versions.
 */
final class EventDetailsRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> SEED_ERA_CONTEXT_TYPES = Set.of("app", "device", "runtime", "browser", "os");

  private EventDetailsRenderer() {}

  static ObjectNode render(StoredEvent stored, JsonNode event, Optional<EventId> next, Optional<EventId> previous) {
    return render(stored, event, next, previous, EventItems.NONE);
  }

  static ObjectNode render(StoredEvent stored, JsonNode event, Optional<EventId> next, Optional<EventId> previous,
      EventItems items) {
    ObjectNode out = F.objectNode();
    out.put("eventID", stored.eventId().hex());
    out.set("dist", orNull(event.get("dist")));
    out.set("nextEventID", next.<JsonNode>map(id -> F.textNode(id.hex())).orElse(NullNode.getInstance()));
    out.set("previousEventID", previous.<JsonNode>map(id -> F.textNode(id.hex())).orElse(NullNode.getInstance()));
    out.put("message", EventMessage.of(event));
    out.put("id", String.valueOf(stored.id()));
    out.put("size", stored.payload().length);
    out.set("errors", ErrorsRenderer.render(event.path("errors")));
    out.set("platform", orNull(event.get("platform")));
    out.put("type", event.path("type").asText("default"));
    out.set("metadata", event.has("metadata") ? event.get("metadata") : F.objectNode());
    out.set("tags", TagsRenderer.render(event.path("tags")));
    out.put("dateCreated", ApiDates.seconds(stored.timestamp()));
    out.put("dateReceived", ApiDates.seconds(stored.received()));
    out.set("user", event.path("user").isObject() ? Pruning.withoutEmpty(event.get("user")) : F.nullNode());
    out.set("entries", EntriesRenderer.render(event));
    out.set("packages", event.path("modules").isObject() ? event.get("modules") : F.objectNode());
    out.set("sdk", sdk(event.get("sdk")));
    out.set("contexts", contexts(event.path("contexts")));
    out.set("fingerprints", event.path("hashes"));
    out.set("context", event.path("extra").isObject() ? event.get("extra") : F.objectNode());
    out.put("groupID", String.valueOf(stored.issueId()));
    addModernFields(out, stored, event, items);
    return out;
  }

  private static void addModernFields(ObjectNode out, StoredEvent stored, JsonNode event, EventItems items) {
    out.put("projectID", String.valueOf(stored.projectId()));
    out.set("title", orNull(event.get("title")));
    out.put("culprit", event.path("culprit").asText(""));
    out.set("location", orNull(event.get("location")));
    out.set("groupingConfig", F.objectNode().put("id", event.path("grouping_config").asText()));
    out.set("release", event.hasNonNull("release")
        ? F.objectNode().put("version", event.get("release").asText()) : F.nullNode());
    out.set("userReport", items.userReport());
    out.putArray("sdkUpdates");
    out.set("crashFile", items.crashFile());
  }

  /**
   * The stored contexts with the context types Sentry 9 knew ({@code app device runtime browser
   * os}); any other type (Relay's {@code trace}, {@code gpu} …) is shown as {@code default}, as
   * Sentry 9.1 answers for the Python SDK's {@code trace} context.
   */
  private static JsonNode contexts(JsonNode stored) {
    ObjectNode out = F.objectNode();
    if (!stored.isObject()) {
      return out;
    }
    stored.fields().forEachRemaining(e -> {
      JsonNode context = e.getValue();
      if (context.isObject()) {
        ObjectNode copy = context.deepCopy();
        if (!SEED_ERA_CONTEXT_TYPES.contains(copy.path("type").asText())) {
          copy.put("type", "default");
        }
        out.set(e.getKey(), copy);
      } else {
        out.set(e.getKey(), context);
      }
    });
    return out;
  }

  /** Sentry 9's {@code sdk}: name and version plus the {@code upstream} block it computed. */
  private static JsonNode sdk(JsonNode sdk) {
    if (sdk == null || !sdk.isObject() || !sdk.hasNonNull("name")) {
      return NullNode.getInstance();
    }
    ObjectNode out = F.objectNode();
    out.set("name", sdk.get("name"));
    out.set("version", orNull(sdk.get("version")));
    out.set("upstream", F.objectNode().put("name", sdk.get("name").asText())
        .put("isNewer", false).putNull("url"));
    return out;
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.picket.model.NewAttachment;
import dev.picket.model.StoredEvent;
import dev.picket.storage.ItemStore;

/**
 * The event details' {@code userReport} and {@code crashFile}, looked up for one event: the user
 * report about its event id, and its {@code event.minidump} attachment when the platform is
 * {@code native} (Sentry's rule), else null.
 */
record EventItems(JsonNode userReport, JsonNode crashFile) {
  static final EventItems NONE = new EventItems(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.nullNode());

  static EventItems of(ItemStore items, StoredEvent stored, JsonNode event) {
    JsonNode report = items.userReport(stored.projectId(), stored.eventId())
        .<JsonNode>map(r -> ItemsRenderer.userReport(r, stored.id()))
        .orElse(NONE.userReport());
    JsonNode crash = NONE.crashFile();
    if ("native".equals(event.path("platform").asText())) {
      crash = items.attachments(stored.projectId(), stored.eventId()).stream()
          .filter(a -> NewAttachment.MINIDUMP.equals(a.type()))
          .findFirst()
          .<JsonNode>map(ItemsRenderer::crashFile)
          .orElse(crash);
    }
    return new EventItems(report, crash);
  }
}

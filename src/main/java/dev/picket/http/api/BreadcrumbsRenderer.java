package dev.picket.http.api;

import static dev.picket.http.api.StacktraceRenderer.orNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Breadcrumbs with all seven keys per crumb, level defaulted to info, data null when empty. */
final class BreadcrumbsRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private BreadcrumbsRenderer() {}

  static JsonNode render(JsonNode breadcrumbs) {
    ArrayNode values = F.arrayNode();
    for (JsonNode crumb : breadcrumbs.path("values")) {
      ObjectNode out = values.addObject();
      out.put("type", crumb.path("type").asText("default"));
      JsonNode ts = crumb.get("timestamp");
      out.set("timestamp", ts != null && ts.isNumber()
          ? F.textNode(ApiDates.millis(ApiDates.fromEpochMillis(ts.asDouble()))) : F.nullNode());
      out.put("level", Pruning.isEmpty(crumb.get("level")) ? "info" : crumb.get("level").asText());
      out.set("message", orNull(crumb.get("message")));
      out.set("category", orNull(crumb.get("category")));
      out.set("data", Pruning.isEmpty(crumb.get("data")) ? F.nullNode() : crumb.get("data"));
      out.set("event_id", orNull(crumb.get("event_id")));
    }
    return values.isEmpty() ? F.nullNode() : F.objectNode().set("values", values);
  }
}

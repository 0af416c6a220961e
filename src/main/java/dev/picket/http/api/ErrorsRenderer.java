package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Processing errors as Sentry 9 renders them: {@code {type, message, data}} where the message is
 * the type's template filled from the error's own keys.
 */
final class ErrorsRenderer {
  private static final Map<String, String> TEMPLATES = Map.of(
      "invalid_data", "Discarded invalid value for parameter '%s'",
      "invalid_attribute", "Discarded invalid parameter '%s'",
      "missing_attribute", "Missing value for required parameter '%s'",
      "value_too_long", "Discarded value for '%s' due to exceeding maximum length",
      "future_timestamp", "Invalid timestamp (in future)",
      "past_timestamp", "Invalid timestamp (too old)",
      "clock_drift", "Clock drift detected in SDK");

  private ErrorsRenderer() {}

  static ArrayNode render(JsonNode storedErrors) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonNode error : storedErrors) {
      if (!error.isObject()) {
        continue;
      }
      String type = error.path("type").asText("unknown_error");
      ObjectNode data = ((ObjectNode) error).deepCopy();
      data.remove("type");
      String template = TEMPLATES.getOrDefault(type, "Unknown error");
      out.addObject()
          .put("type", type)
          .put("message", String.format(template, error.path("name").asText("")))
          .set("data", data);
    }
    return out;
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry 9's event {@code message}: the log message (formatted, else its template); without one,
 * the search message it built at ingestion: the metadata values and the culprit, each appended
 * when not already contained.
 */
final class EventMessage {
  private EventMessage() {}

  static String of(JsonNode event) {
    JsonNode logentry = event.path("logentry");
    String formatted = logentry.path("formatted").asText("");
    if (!formatted.isEmpty()) {
      return formatted;
    }
    String message = logentry.path("message").asText("");
    if (!message.isEmpty()) {
      return message;
    }
    List<String> parts = new ArrayList<>();
    JsonNode metadata = event.path("metadata");
    for (String key : List.of("type", "value", "title")) {
      parts.add(metadata.path(key).asText(""));
    }
    parts.add(event.path("culprit").asText(""));
    StringBuilder result = new StringBuilder();
    for (String part : parts) {
      if (!part.isEmpty() && result.indexOf(part) < 0) {
        result.append(result.length() == 0 ? "" : " ").append(part);
      }
    }
    return result.toString().trim();
  }
}

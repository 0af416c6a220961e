package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry 9's event {@code message}: the log message (formatted, else its template); without one,
 * the search message it built at ingestion: the metadata values and the culprit, each appended
 * when not already contained. The metadata values come in the order Sentry's answers show
 * (function, type, value, filename: "get ZeroDivisionError division by zero errors/views.py
 * /divide-zero/").
 */
final class EventMessage {
  private static final List<String> METADATA_ORDER = List.of(
      "function", "type", "value", "filename", "title", "directive", "uri", "origin", "message");

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
    for (String key : METADATA_ORDER) {
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

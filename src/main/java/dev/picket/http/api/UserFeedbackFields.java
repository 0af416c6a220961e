package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import dev.picket.model.NewUserReport;

/**
 * The fields of a {@code POST .../user-feedback/} body as Sentry's UserReportSerializer checks
 * them: {@code event_id} (32 hex or a dashed UUID) and {@code comments} required; {@code name} up
 * to 128 characters, {@code email} up to 75 and shaped like an address when given.
 */
final class UserFeedbackFields {
  private static final String REQUIRED = "This field is required.";

  private UserFeedbackFields() {}

  static ObjectNode errors(JsonNode body) {
    ObjectNode errors = JsonNodeFactory.instance.objectNode();
    String eventId = text(body, "event_id");
    if (eventId.isEmpty()) {
      errors.putArray("event_id").add(REQUIRED);
    } else if (EventId.parse(eventId).isEmpty()) {
      errors.putArray("event_id").add("Enter a valid event id.");
    }
    if (text(body, "comments").isBlank()) {
      errors.putArray("comments").add(REQUIRED);
    }
    if (text(body, "name").length() > 128) {
      errors.putArray("name").add("Ensure this field has no more than 128 characters.");
    }
    String email = text(body, "email");
    if (email.length() > 75) {
      errors.putArray("email").add("Ensure this field has no more than 75 characters.");
    } else if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
      errors.putArray("email").add("Enter a valid email address.");
    }
    return errors;
  }

  /** The report of a body that {@link #errors} accepted. */
  static NewUserReport report(JsonNode body) {
    return new NewUserReport(EventId.parse(text(body, "event_id")).orElseThrow(),
        text(body, "name").strip(), text(body, "email").strip(), text(body, "comments"));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }
}

package dev.picket.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.EventId;
import dev.picket.model.NewAttachment;
import dev.picket.model.NewUserReport;
import dev.picket.protocol.EnvelopeItem;
import dev.picket.protocol.EventJson;
import dev.picket.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an envelope's items other than the event into what is stored: {@code attachment} items
 * into attachments, {@code user_report} (legacy {@code {event_id, name, email, comments}}) and
 * {@code feedback} (an event whose {@code contexts.feedback} holds {@code message},
 * {@code contact_email}, {@code name}, {@code associated_event_id}) into user reports, and every
 * other type into a count per type. Lenient like Relay: an unreadable feedback item is dropped (and
 * counted as {@code invalid_feedback}), never failing the envelope.
 */
final class EnvelopeItems {
  /** Item types held to the attachment size limit (Relay's max_attachment_size). */
  static final Set<String> ATTACHMENT_SIZED = Set.of("attachment", "user_report");

  /**
   * Types counted by name; Relay's other item types. Anything else is counted as {@code unknown},
   * so a client cannot create counter rows at will.
   */
  static final Set<String> COUNTED = Set.of("transaction", "session", "sessions", "client_report",
      "check_in", "log", "otel_log", "span", "otel_span", "trace_metric", "profile", "profile_chunk",
      "profile_chunk_ui", "replay_event", "replay_recording", "replay_video", "statsd",
      "metric_buckets", "nel", "security", "raw_security", "form_data", "unreal_report");

  static final String UNNAMED = "Unnamed Attachment";
  private static final int MAX_NAME = 256;
  private static final int MAX_CONTENT_TYPE = 128;
  private static final int MAX_TYPE = 64;
  private static final int MAX_REPORT_NAME = 128;
  private static final int MAX_EMAIL = 75;
  private static final int MAX_COMMENTS = 4096;

  private EnvelopeItems() {}

  static List<NewAttachment> attachments(List<EnvelopeItem> items) {
    List<NewAttachment> attachments = new ArrayList<>();
    for (EnvelopeItem item : items) {
      if (item.type().equals("attachment")) {
        JsonNode h = item.headers();
        String name = Optional.ofNullable(text(h.get("filename"), MAX_NAME)).orElse(UNNAMED);
        String type = Optional.ofNullable(text(h.get("attachment_type"), MAX_TYPE))
            .orElse(NewAttachment.DEFAULT_TYPE);
        attachments.add(NewAttachment.of(name, text(h.get("content_type"), MAX_CONTENT_TYPE), type, item.payload()));
      }
    }
    return attachments;
  }

  /** User reports; one without a usable event id is about {@code envelopeEventId}. */
  static List<NewUserReport> userReports(List<EnvelopeItem> items, EventId envelopeEventId) {
    List<NewUserReport> reports = new ArrayList<>();
    for (EnvelopeItem item : items) {
      Optional<JsonNode> json = item.type().equals("user_report") || item.type().equals("feedback")
          ? readObject(item.payload()) : Optional.empty();
      if (json.isEmpty()) {
        continue;
      }
      if (item.type().equals("user_report")) {
        JsonNode r = json.get();
        reports.add(new NewUserReport(eventId(r.get("event_id")).orElse(envelopeEventId),
            text(r.get("name"), MAX_REPORT_NAME), text(r.get("email"), MAX_EMAIL), text(r.get("comments"), MAX_COMMENTS)));
      } else {
        JsonNode f = json.get().path("contexts").path("feedback");
        EventId about = eventId(f.get("associated_event_id"))
            .or(() -> Optional.ofNullable(envelopeEventId))
            .or(() -> eventId(json.get().get("event_id")))
            .orElseGet(EventId::random);
        reports.add(new NewUserReport(about, text(f.get("name"), MAX_REPORT_NAME),
            text(f.get("contact_email"), MAX_EMAIL), text(f.get("message"), MAX_COMMENTS)));
      }
    }
    return reports;
  }

  /** How many items of each type that is neither stored nor the event arrived. */
  static Map<String, Integer> counts(List<EnvelopeItem> items) {
    Map<String, Integer> counts = new TreeMap<>();
    for (EnvelopeItem item : items) {
      String type = item.type();
      if (type.equals("event") || type.equals("attachment")) {
        continue;
      }
      if (type.equals("user_report") || type.equals("feedback")) {
        if (readObject(item.payload()).isEmpty()) {
          counts.merge("invalid_" + type, 1, Integer::sum);
        }
        continue;
      }
      counts.merge(COUNTED.contains(type) ? type : "unknown", 1, Integer::sum);
    }
    return counts;
  }

  /** Whether the items need an event id to be stored against. */
  static boolean needEventId(List<EnvelopeItem> items) {
    return items.stream().anyMatch(i -> ATTACHMENT_SIZED.contains(i.type()) || i.type().equals("feedback"));
  }

  private static Optional<JsonNode> readObject(byte[] payload) {
    try {
      return Optional.of(EventJson.readObject(payload));
    } catch (ProtocolException e) {
      return Optional.empty();
    }
  }

  private static Optional<EventId> eventId(JsonNode node) {
    return node != null && node.isTextual() ? EventId.parse(node.textValue()) : Optional.empty();
  }

  /** A trimmed, non-empty string value cut to {@code max} characters; null otherwise. */
  private static String text(JsonNode node, int max) {
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      return null;
    }
    String text = node.textValue().strip();
    return text.length() <= max ? text : text.substring(0, max);
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Derived, stored fields of a normalized event (api-event-details §3.2): {@code culprit} (client
 * value, else transaction, else generated), {@code metadata}, {@code title} and {@code location}.
 */
public final class EventMetadata {
  private static final int TITLE_MAX = 100;
  private static final Set<String> SECURITY = Set.of("csp", "hpkp", "expectct", "expectstaple");

  private EventMetadata() {}

  /** Sets culprit, metadata, title and location on {@code event} from its {@code type}. */
  public static void apply(ObjectNode event) {
    if (!event.hasNonNull("culprit")) {
      String culprit = event.hasNonNull("transaction") ? event.get("transaction").asText()
          : Culprits.generate(event);
      if (culprit != null && !culprit.isEmpty()) {
        event.put("culprit", truncate(culprit, 200));
      }
    }
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    String title;
    String type = event.path("type").asText();
    if ("error".equals(type)) {
      title = error(event, metadata);
      if (metadata.has("filename")) {
        event.put("location", metadata.get("filename").asText());
      }
    } else if (SECURITY.contains(type)) {
      title = security(event, type, metadata);
    } else {
      title = messageTitle(event);
      metadata.put("title", title);
    }
    event.set("metadata", metadata);
    event.put("title", title);
  }

  private static String error(ObjectNode event, ObjectNode metadata) {
    JsonNode values = event.path("exception").path("values");
    JsonNode last = values.get(values.size() - 1);
    boolean synthetic = last.path("mechanism").path("synthetic").asBoolean(false);
    String type = truncate(last.path("type").asText("Error"), 128);
    String value = truncate(last.path("value").asText(""), 1024);
    if (!synthetic) {
      metadata.put("type", type);
    }
    metadata.put("value", value);
    JsonNode frame = CrashFrames.mostRelevant(CrashFrames.frames(event), true);
    if (frame != null) {
      putText(metadata, "filename", frame.path("filename").asText(""));
      putText(metadata, "function", frame.path("function").asText(""));
    }
    if (synthetic) {
      String message = firstLine(logMessage(event));
      if (!message.isEmpty()) {
        return truncate(message, TITLE_MAX);
      }
      String v = firstLine(value);
      return v.isEmpty() ? metadata.path("function").asText("<unknown>") : truncate(v, TITLE_MAX);
    }
    String firstLine = truncate(firstLine(value), TITLE_MAX);
    return firstLine.isEmpty() ? type : type + ": " + firstLine;
  }

  /**
   * csp: {directive, uri, message}, location = uri (the blocked URI normalized as for grouping);
   * hpkp, expectct, expectstaple: {origin, message}, location = origin (the hostname). The title
   * is the message, {@code <untitled>} without one.
   */
  private static String security(ObjectNode event, String type, ObjectNode metadata) {
    JsonNode report = event.path(type);
    String location;
    if (type.equals("csp")) {
      putText(metadata, "directive", report.path("effective_directive").asText(""));
      location = SecurityReports.normalizeUri(report.path("blocked_uri").asText(""));
      metadata.put("uri", location);
    } else {
      location = report.path("hostname").asText("");
      putText(metadata, "origin", location);
    }
    String message = logMessage(event).strip();
    metadata.put("message", message);
    if (!location.isEmpty()) {
      event.put("location", location);
    }
    return message.isEmpty() ? "<untitled>" : message;
  }

  private static String messageTitle(JsonNode event) {
    String line = firstLine(logMessage(event));
    return line.isEmpty() ? "<unlabeled event>" : truncate(line, TITLE_MAX);
  }

  private static String logMessage(JsonNode event) {
    JsonNode le = event.path("logentry");
    String formatted = le.path("formatted").asText("");
    return formatted.isEmpty() ? le.path("message").asText("") : formatted;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl >= 0 ? t.substring(0, nl) : t).strip();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  private static void putText(ObjectNode o, String key, String value) {
    if (!value.isEmpty()) {
      o.put(key, value);
    }
  }
}

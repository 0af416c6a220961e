package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import java.util.Iterator;
import java.util.Set;

/**
 * Breadcrumbs: {@code {values: [{type, timestamp, level, message, category, data, event_id}]}}.
 * Timestamps become epoch seconds shifted like the event's; crumbs without a valid timestamp are
 * dropped with an error (Sentry 9 behaviour), so every stored crumb has one.
 */
final class Breadcrumbs {
  private static final Set<String> KNOWN =
      Set.of("type", "timestamp", "level", "message", "category", "data", "event_id");

  private Breadcrumbs() {}

  static void apply(ObjectNode in, ObjectNode out, double shift, EventErrors errors) {
    ArrayNode values = ValueLists.values(in.get("breadcrumbs"), "breadcrumbs", errors);
    if (values == null) {
      return;
    }
    ArrayNode outValues = Json.arr();
    for (int i = 0; i < values.size(); i++) {
      JsonNode c = values.get(i);
      String path = "breadcrumbs.values." + i;
      if (c == null || !c.isObject()) {
        if (c != null && !c.isNull()) {
          errors.invalidData(path, c, "expected a breadcrumb");
        }
        continue;
      }
      ObjectNode crumb = crumb((ObjectNode) c, path, shift, errors);
      if (crumb != null) {
        outValues.add(crumb);
      }
    }
    if (!outValues.isEmpty()) {
      out.putObject("breadcrumbs").set("values", outValues);
    }
  }

  private static ObjectNode crumb(ObjectNode c, String path, double shift, EventErrors errors) {
    Double ts = Timestamps.parse(c.get("timestamp"));
    if (ts == null) {
      errors.invalidData(path + ".timestamp", c.get("timestamp"), "expected a timestamp");
      return null;
    }
    ObjectNode o = Json.obj();
    String type = Json.scalarText(c.get("type"));
    o.put("type", type == null || type.isBlank() ? "default" : type);
    o.put("timestamp", Timestamps.round(ts + shift));
    String level = Levels.parse(c.get("level"));
    o.put("level", level == null ? "info" : level);
    String message = Json.anyText(c.get("message"));
    if (message != null) {
      // kept even when empty: Sentry answers `"message": ""` for sentry-ruby's crumbs
      o.put("message", Trimming.truncate(message, Trimming.BREADCRUMB_MESSAGE));
    }
    String category = Json.scalarText(c.get("category"));
    if (category != null && !category.isEmpty()) {
      o.put("category", Trimming.truncate(category, Trimming.PATH));
    }
    JsonNode data = c.get("data");
    if (data != null && data.isObject() && data.size() > 0) {
      o.set("data", Trimming.databag(data, Trimming.DEPTH_CRUMB));
    } else if (data != null && !data.isNull() && !data.isObject()) {
      errors.invalidData(path + ".data", data, "expected an object");
    }
    String eventId = Json.text(c.get("event_id"));
    EventId.parse(eventId).ifPresent(id -> o.put("event_id", id.hex()));
    for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN.contains(key)) {
        errors.invalidAttribute(path + "." + key);
      }
    }
    return o;
  }
}

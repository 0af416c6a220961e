package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The log entry (§5.7), stored 9.0-style: {@code message} = template text, {@code params} when
 * non-empty, {@code formatted} only when it differs from {@code message}. Accepts {@code logentry}
 * (object or string) and a top-level {@code message} (string, or object as Java sends it).
 */
final class Messages {
  private Messages() {}

  static void apply(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode le = in.get("logentry");
    String name = "logentry";
    if (Json.isEmpty(le)) {
      le = in.get("message");
      name = "message";
    }
    if (Json.isEmpty(le)) {
      return;
    }
    if (!le.isObject()) {
      if (le.isArray()) {
        errors.invalidData(name, le, "expected a log entry");
        return;
      }
      ObjectNode wrapped = Json.obj();
      wrapped.put("message", Json.scalarText(le));
      le = wrapped;
    }
    ObjectNode entry = normalize((ObjectNode) le, name, errors);
    if (entry != null) {
      out.set("logentry", entry);
    }
  }

  private static ObjectNode normalize(ObjectNode le, String name, EventErrors errors) {
    String message = Json.anyText(le.get("message"));
    String formatted = Json.anyText(le.get("formatted"));
    JsonNode params = le.get("params");
    if (isBlank(message)) {
      message = formatted;
      formatted = null;
    }
    if (isBlank(message)) {
      errors.invalidData(name, le, "no message present");
      return null;
    }
    boolean hasParams = params != null && params.isContainerNode() && params.size() > 0;
    if (isBlank(formatted) && hasParams) {
      formatted = MessageFormatter.format(message, params);
    }
    ObjectNode out = Json.obj();
    out.put("message", Trimming.truncate(message, Trimming.MESSAGE));
    if (hasParams) {
      out.set("params", Trimming.databag(params, Trimming.DEPTH_VARS));
    }
    if (!isBlank(formatted) && !formatted.equals(message)) {
      out.put("formatted", Trimming.truncate(formatted, Trimming.MESSAGE));
    }
    return out;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code {{ variable }}} entries of a fingerprint (§6.10) against the event; missing
 * values become placeholders such as {@code <no-transaction>}. Unknown variables and
 * {@code {{ default }}} stay as written (2023 behaviour).
 */
final class FingerprintVariables {
  private static final Pattern VAR = Pattern.compile("\\{\\{\\s*(\\S+?)\\s*\\}\\}");

  private FingerprintVariables() {}

  /** The variable name if the whole entry is one variable, else null. */
  static String variable(String entry) {
    Matcher m = VAR.matcher(entry);
    return m.matches() ? m.group(1) : null;
  }

  static boolean isDefault(String entry) {
    return "default".equals(variable(entry));
  }

  static List<String> resolve(List<String> entries, JsonNode event) {
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      String var = variable(e);
      String v = var == null ? null : value(var, event);
      out.add(v == null ? e : v);
    }
    return out;
  }

  static String value(String var, JsonNode event) {
    JsonNode last = lastException(event);
    switch (var) {
      case "transaction":
        return or(text(event, "transaction"), "<no-transaction>");
      case "message":
        String m = text(event.path("logentry"), "formatted");
        m = m != null ? m : text(event.path("logentry"), "message");
        return or(m != null ? m : text(last, "value"), "<no-message>");
      case "type", "error.type":
        return or(text(last, "type"), "<no-type>");
      case "value", "error.value":
        return or(text(last, "value"), "<no-value>");
      case "function", "stack.function":
        return or(text(crashFrame(event), "function"), "<no-function>");
      case "path", "stack.abs_path":
        JsonNode f = crashFrame(event);
        return or(text(f, "abs_path") != null ? text(f, "abs_path") : text(f, "filename"),
            "<no-abs-path>");
      case "stack.filename":
        JsonNode g = crashFrame(event);
        return or(text(g, "filename") != null ? text(g, "filename") : text(g, "abs_path"),
            "<no-filename>");
      case "module", "stack.module":
        return or(text(crashFrame(event), "module"), "<no-module>");
      case "package", "stack.package":
        String p = text(crashFrame(event), "package");
        if (p != null) {
          p = p.substring(p.lastIndexOf('/') + 1);
          p = p.substring(p.lastIndexOf('\\') + 1);
        }
        return or(p, "<no-package>");
      case "level":
        return or(text(event, "level"), "<no-level>");
      case "logger":
        return or(text(event, "logger"), "<no-logger>");
      default:
        if (var.startsWith("tags.")) {
          String tag = var.substring(5);
          for (JsonNode pair : event.path("tags")) {
            if (tag.equals(pair.path(0).asText(null))) {
              return pair.path(1).asText("");
            }
          }
          return "<no-value-for-tag-" + tag + ">";
        }
        return null;
    }
  }

  private static JsonNode lastException(JsonNode event) {
    JsonNode values = event.path("exception").path("values");
    return values.size() > 0 ? values.get(values.size() - 1) : null;
  }

  /** Last in-app frame of the last exception / top-level / only thread stack trace, else last frame. */
  static JsonNode crashFrame(JsonNode event) {
    JsonNode last = lastException(event);
    JsonNode frames = last == null ? null : last.path("stacktrace").path("frames");
    if (frames == null || frames.isEmpty()) {
      frames = event.path("stacktrace").path("frames");
    }
    if (frames.isEmpty()) {
      JsonNode threads = event.path("threads").path("values");
      if (threads.size() == 1) {
        frames = threads.get(0).path("stacktrace").path("frames");
      }
    }
    JsonNode fallback = null;
    for (int i = frames.size() - 1; i >= 0; i--) {
      JsonNode f = frames.get(i);
      if (f.path("in_app").asBoolean(false)) {
        return f;
      }
      if (fallback == null) {
        fallback = f;
      }
    }
    return fallback;
  }

  private static String text(JsonNode n, String key) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.get(key);
    return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
  }

  private static String or(String v, String placeholder) {
    return v != null ? v : placeholder;
  }
}

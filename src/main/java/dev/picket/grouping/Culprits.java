package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A generated culprit (§5.13): from the most relevant frame, formatted by platform; synthetic
 * exceptions give none; falls back to the request URL.
 */
final class Culprits {
  private static final Set<String> NATIVE = Set.of("native", "objc", "cocoa", "c", "swift");
  private static final Set<String> JS = Set.of("javascript", "node");

  private Culprits() {}

  static String generate(JsonNode event) {
    JsonNode values = event.path("exception").path("values");
    if (values.size() > 0
        && values.get(values.size() - 1).path("mechanism").path("synthetic").asBoolean(false)) {
      return fallback(event);
    }
    JsonNode frame = CrashFrames.mostRelevant(CrashFrames.frames(event), false);
    String culprit = frame == null ? null : format(frame, event.path("platform").asText(""));
    return culprit == null || culprit.isEmpty() ? fallback(event) : culprit;
  }

  private static String fallback(JsonNode event) {
    String url = event.path("request").path("url").asText("");
    return url.isEmpty() ? null : url;
  }

  static String format(JsonNode frame, String eventPlatform) {
    String platform = frame.path("platform").asText(eventPlatform);
    String function = text(frame, "function");
    if (NATIVE.contains(platform)) {
      return function == null ? "?" : function;
    }
    if (JS.contains(platform)) {
      // filename before module, "?" for a missing function: "?(/dist/bundle.js)" in Sentry's answers
      String file = text(frame, "filename");
      String location = file != null ? file : text(frame, "module");
      return (function == null ? "?" : function) + "(" + (location == null ? "?" : location) + ")";
    }
    String location = text(frame, "module");
    if (location == null) {
      location = text(frame, "filename");
    }
    if (location == null) {
      return function;
    }
    return function == null ? location : location + " in " + function;
  }

  private static String text(JsonNode n, String key) {
    String s = n.path(key).asText("");
    return s.isEmpty() ? null : s;
  }
}

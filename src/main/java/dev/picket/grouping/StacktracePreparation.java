package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-grouping stack-trace normalization (§6.2) on a copy of the event: native and C# function
 * names are trimmed (the original kept as {@code raw_function}), stack-trace rules set
 * {@code in_app} and categories, and frames left without {@code in_app} become out of app.
 */
final class StacktracePreparation {
  private StacktracePreparation() {}

  static void apply(ObjectNode event, Enhancements enhancements) {
    String platform = NewstyleFrames.text(event, "platform");
    for (JsonNode e : event.path("exception").path("values")) {
      prepare(e.get("stacktrace"), platform, enhancements, e);
      prepare(e.get("raw_stacktrace"), platform, enhancements, e);
    }
    prepare(event.get("stacktrace"), platform, enhancements, null);
    for (JsonNode t : event.path("threads").path("values")) {
      prepare(t.get("stacktrace"), platform, enhancements, null);
      prepare(t.get("raw_stacktrace"), platform, enhancements, null);
    }
  }

  private static void prepare(JsonNode stacktrace, String platform, Enhancements enhancements,
      JsonNode exception) {
    if (stacktrace == null) {
      return;
    }
    List<ObjectNode> frames = new ArrayList<>();
    stacktrace.path("frames").forEach(f -> {
      if (f.isObject()) {
        frames.add((ObjectNode) f);
      }
    });
    if (frames.isEmpty()) {
      return;
    }
    for (ObjectNode f : frames) {
      String raw = NewstyleFrames.text(f, "function");
      if (f.hasNonNull("raw_function") || raw == null) {
        continue;
      }
      String fp = NewstyleFrames.text(f, "platform");
      String trimmed = FunctionNames.trim(raw, fp != null ? fp : platform);
      if (!trimmed.equals(raw)) {
        f.put("raw_function", raw);
        f.put("function", trimmed);
      }
    }
    enhancements.modifyFrames(frames, platform, MatchFrame.ExceptionData.of(exception));
    for (ObjectNode f : frames) {
      if (!f.path("in_app").isBoolean()) {
        f.put("in_app", false);
      }
    }
  }
}

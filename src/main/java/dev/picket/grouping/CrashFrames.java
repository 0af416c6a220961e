package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the most relevant stack trace and frame of an event (last in-app, else last frame). */
final class CrashFrames {
  private CrashFrames() {}

  /** The frames of the last exception with frames, else the top-level stack trace; or null. */
  static JsonNode frames(JsonNode event) {
    JsonNode values = event.path("exception").path("values");
    for (int i = values.size() - 1; i >= 0; i--) {
      JsonNode frames = values.get(i).path("stacktrace").path("frames");
      if (frames.size() > 0) {
        return frames;
      }
    }
    JsonNode frames = event.path("stacktrace").path("frames");
    return frames.size() > 0 ? frames : null;
  }

  /** Walking from the crash backwards: the first in-app frame, else the last frame. */
  static JsonNode mostRelevant(JsonNode frames, boolean skipUnknownFunctions) {
    if (frames == null || frames.isEmpty()) {
      return null;
    }
    JsonNode last = null;
    for (int i = frames.size() - 1; i >= 0; i--) {
      JsonNode f = frames.get(i);
      String fn = f.path("function").asText("");
      if (skipUnknownFunctions && (fn.equals("<redacted>") || fn.equals("<unknown>"))) {
        continue;
      }
      if (last == null) {
        last = f;
      }
      if (f.path("in_app").asBoolean(false)) {
        return f;
      }
    }
    return last;
  }
}

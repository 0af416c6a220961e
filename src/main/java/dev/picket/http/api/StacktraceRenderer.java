package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored stack trace in the API's camelCase shape: frames oldest first, {@code context} as
 * {@code [lineNo, line]} pairs, addresses zero-padded to the longest of the trace.
 */
final class StacktraceRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StacktraceRenderer() {}

  /** The API object, or JSON null when there is no stack trace. */
  static JsonNode render(JsonNode stacktrace) {
    if (stacktrace == null || !stacktrace.isObject()) {
      return NullNode.getInstance();
    }
    JsonNode frames = stacktrace.path("frames");
    int width = addressWidth(frames);
    ArrayNode out = F.arrayNode();
    for (JsonNode frame : frames) {
      out.add(frame(frame, width));
    }
    ObjectNode result = F.objectNode();
    result.set("frames", out);
    result.set("framesOmitted", orNull(stacktrace.get("frames_omitted")));
    result.set("registers", orNull(stacktrace.get("registers")));
    result.put("hasSystemFrames", hasInAppFrames(frames));
    return result;
  }

  /** Sentry's historical name: true when at least one frame is in-app. */
  static boolean hasInAppFrames(JsonNode frames) {
    for (JsonNode frame : frames) {
      if (frame.path("in_app").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode frame(JsonNode f, int width) {
    ObjectNode out = F.objectNode();
    out.set("function", orNull(f.get("function")));
    out.set("errors", orNull(f.get("errors")));
    out.set("colNo", orNull(f.get("colno")));
    out.set("module", orNull(f.get("module")));
    out.set("package", orNull(f.get("package")));
    out.set("absPath", orNull(f.get("abs_path")));
    out.set("inApp", orNull(f.get("in_app")));
    out.set("instructionAddr", address(f.get("instruction_addr"), width));
    out.set("filename", orNull(f.get("filename")));
    out.set("platform", orNull(f.get("platform")));
    out.set("vars", orNull(f.get("vars")));
    out.set("lineNo", orNull(f.get("lineno")));
    out.set("context", context(f));
    out.set("symbolAddr", address(f.get("symbol_addr"), width));
    out.set("symbol", orNull(f.get("symbol")));
    if (f.hasNonNull("raw_function")) {
      out.set("rawFunction", f.get("raw_function"));
    }
    if (f.hasNonNull("trust")) {
      out.set("trust", f.get("trust"));
    }
    sourceMap(f.path("data"), out);
    return out;
  }

  /**
   * A source-mapped frame ({@code data.sourcemap}) shows the map's file name, its URL when it is
   * one, and the frame before mapping ({@code data.orig_*}, {@code "?"} when unknown).
   */
  private static void sourceMap(JsonNode data, ObjectNode out) {
    String map = data.path("sourcemap").asText("");
    if (map.isEmpty()) {
      return;
    }
    String path = map.replaceAll("[?#].*$", "");
    out.put("map", path.substring(path.lastIndexOf('/') + 1));
    if (map.startsWith("http://") || map.startsWith("https://")) {
      out.put("mapUrl", map);
    }
    for (String[] key : new String[][] {{"origFunction", "orig_function"}, {"origAbsPath", "orig_abs_path"},
        {"origFilename", "orig_filename"}, {"origLineNo", "orig_lineno"}, {"origColNo", "orig_colno"}}) {
      JsonNode v = data.get(key[1]);
      out.set(key[0], v == null || v.isNull() ? F.textNode("?") : v);
    }
  }

  /** {@code [[lineNo, line], ...]} from pre-context, context line and post-context. */
  static ArrayNode context(JsonNode f) {
    ArrayNode out = F.arrayNode();
    JsonNode lineno = f.get("lineno");
    JsonNode pre = f.path("pre_context");
    JsonNode post = f.path("post_context");
    boolean noLine = f.path("context_line").isMissingNode() || f.path("context_line").isNull();
    if (lineno == null || !lineno.canConvertToLong() || (noLine && pre.isEmpty() && post.isEmpty())) {
      return out;
    }
    long line = lineno.asLong() - pre.size();
    for (JsonNode text : pre) {
      out.addArray().add(line++).add(text);
    }
    out.addArray().add(line++).add(orNull(f.get("context_line")));
    for (JsonNode text : post) {
      out.addArray().add(line++).add(text);
    }
    return out;
  }

  private static int addressWidth(JsonNode frames) {
    int width = 0;
    for (JsonNode frame : frames) {
      width = Math.max(width, hexDigits(frame.get("instruction_addr")).length());
      width = Math.max(width, hexDigits(frame.get("symbol_addr")).length());
    }
    return width;
  }

  private static JsonNode address(JsonNode value, int width) {
    String digits = hexDigits(value);
    if (digits.isEmpty()) {
      return NullNode.getInstance();
    }
    return F.textNode("0x" + "0".repeat(Math.max(0, width - digits.length())) + digits);
  }

  private static String hexDigits(JsonNode value) {
    if (value == null || !value.isTextual()) {
      return "";
    }
    String text = value.textValue();
    return text.startsWith("0x") ? text.substring(2) : text;
  }

  static JsonNode orNull(JsonNode value) {
    return value == null ? NullNode.getInstance() : value;
  }
}

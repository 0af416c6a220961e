package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;

/**
 * Stack traces and frames (oldest frame first): snake_case keys, {@code abs_path}/{@code filename}
 * filled from each other, negative line numbers dropped, addresses as lowercase {@code 0x} hex,
 * at most {@value #MAX_FRAMES} frames (the newest are kept).
 */
final class Stacktraces {
  static final int MAX_FRAMES = 250;
  private static final String[] STRING_KEYS = {
    "filename", "abs_path", "module", "package", "platform", "function", "raw_function", "symbol"
  };
  private static final String[] ADDRESS_KEYS = {"instruction_addr", "symbol_addr", "image_addr"};

  private Stacktraces() {}

  /** A normalized stack trace, or null when {@code raw} has no usable frame. */
  static ObjectNode normalize(JsonNode raw, String path, EventErrors errors) {
    if (Json.isEmpty(raw)) {
      return null;
    }
    if (!raw.isObject()) {
      errors.invalidData(path, raw, "expected a stacktrace");
      return null;
    }
    JsonNode frames = raw.get("frames");
    if (frames != null && frames.isObject() && frames.has("values")) {
      frames = frames.get("values");
    }
    if (Json.isEmpty(frames)) {
      return null;
    }
    if (!frames.isArray()) {
      errors.invalidData(path + ".frames", frames, "expected an array");
      return null;
    }
    ArrayNode outFrames = Json.arr();
    int start = Math.max(0, frames.size() - MAX_FRAMES);
    for (int i = start; i < frames.size(); i++) {
      JsonNode f = frames.get(i);
      if (f == null || !f.isObject()) {
        if (f != null && !f.isNull()) {
          errors.invalidData(path + ".frames." + i, f, "expected a frame");
        }
        continue;
      }
      outFrames.add(frame((ObjectNode) f, path + ".frames." + i, errors));
    }
    if (outFrames.isEmpty()) {
      return null;
    }
    ObjectNode out = Json.obj();
    out.set("frames", outFrames);
    JsonNode omitted = raw.get("frames_omitted");
    if (omitted != null && omitted.isArray() && omitted.size() == 2) {
      out.set("frames_omitted", omitted.deepCopy());
    }
    JsonNode registers = raw.get("registers");
    if (registers != null && registers.isObject() && registers.size() > 0) {
      out.set("registers", Trimming.databag(registers, 2));
    }
    return out;
  }

  static ObjectNode frame(ObjectNode f, String path, EventErrors errors) {
    ObjectNode out = Json.obj();
    for (String key : STRING_KEYS) {
      String v = Json.scalarText(f.get(key));
      if (v != null && !v.isEmpty()) {
        out.put(key, Trimming.truncate(v, Trimming.PATH));
      }
    }
    fillPaths(out);
    lineNumber(f, out, "lineno");
    lineNumber(f, out, "colno");
    context(f, out);
    JsonNode inApp = f.get("in_app");
    if (inApp != null && inApp.isBoolean()) {
      out.put("in_app", inApp.booleanValue());
    }
    JsonNode vars = f.get("vars");
    if (vars != null && vars.isArray() && vars.size() > 0) {
      ObjectNode asMap = Json.obj();
      for (int i = 0; i < vars.size(); i++) {
        asMap.set(Integer.toString(i), vars.get(i));
      }
      vars = asMap;
    }
    if (vars != null && vars.isObject() && vars.size() > 0) {
      out.set("vars", Trimming.databag(vars, Trimming.DEPTH_VARS));
    }
    for (String key : ADDRESS_KEYS) {
      JsonNode a = f.get(key);
      if (!Json.isEmpty(a)) {
        String addr = address(a);
        if (addr == null) {
          errors.invalidData(path + "." + key, a, "expected an address");
        } else {
          out.put(key, addr);
        }
      }
    }
    JsonNode data = f.get("data");
    if (data != null && data.isObject() && data.size() > 0) {
      out.set("data", Trimming.databag(data, Trimming.DEPTH_VARS));
    }
    JsonNode frameErrors = f.get("errors");
    if (frameErrors != null && frameErrors.isArray() && frameErrors.size() > 0) {
      out.set("errors", Trimming.databag(frameErrors, 3));
    }
    for (String key : new String[] {"trust", "addr_mode", "lock"}) {
      JsonNode v = f.get(key);
      if (v != null && (v.isTextual() || v.isObject()) && !Json.isEmpty(v)) {
        out.set(key, Trimming.databag(v, 3));
      }
    }
    return out;
  }

  /**
   * A missing abs_path comes from filename, which is then derived again from it; a missing
   * filename is derived from abs_path (a URL's path, otherwise the whole path). So a browser
   * frame sent with only {@code filename: "http://host/app.js"} is stored as Sentry stores it:
   * {@code abs_path} the URL, {@code filename} {@code /app.js}.
   */
  static void fillPaths(ObjectNode out) {
    String filename = Json.text(out.get("filename"));
    String absPath = Json.text(out.get("abs_path"));
    if (absPath == null && filename != null) {
      out.put("abs_path", filename);
      out.put("filename", filenameFromAbsPath(filename));
    } else if (filename == null && absPath != null) {
      out.put("filename", filenameFromAbsPath(absPath));
    }
  }

  static String filenameFromAbsPath(String absPath) {
    if (absPath.contains("://")) {
      try {
        String p = new URI(absPath).getRawPath();
        if (p != null && !p.isEmpty()) {
          return p;
        }
      } catch (Exception e) {
        return absPath;
      }
    }
    return absPath;
  }

  static void lineNumber(JsonNode f, ObjectNode out, String key) {
    JsonNode n = f.get(key);
    Long v = null;
    if (n != null && n.isNumber()) {
      v = n.longValue();
    } else if (n != null && n.isTextual() && n.textValue().trim().matches("-?\\d{1,18}")) {
      v = Long.parseLong(n.textValue().trim());
    }
    if (v != null && v >= 0) {
      if (v <= Integer.MAX_VALUE) {
        out.put(key, v.intValue());
      } else {
        out.put(key, v);
      }
    }
  }

  static void context(JsonNode f, ObjectNode out) {
    lines(f.get("pre_context"), out, "pre_context");
    JsonNode line = f.get("context_line");
    if (line != null && !line.isNull() && !line.isContainerNode()) {
      out.put("context_line", Trimming.truncate(Json.scalarText(line), 1024));
    }
    lines(f.get("post_context"), out, "post_context");
  }

  private static void lines(JsonNode raw, ObjectNode out, String key) {
    if (raw == null || !raw.isArray() || raw.isEmpty()) {
      return;
    }
    ArrayNode a = out.putArray(key);
    for (JsonNode l : raw) {
      String s = Json.anyText(l);
      a.add(s == null ? "" : Trimming.truncate(s, 1024));
    }
  }

  /** Lowercase {@code 0x} hex; accepts hex strings and non-negative integers. */
  static String address(JsonNode a) {
    BigInteger v = null;
    try {
      if (a.isIntegralNumber()) {
        v = a.bigIntegerValue();
      } else if (a.isTextual()) {
        String s = a.textValue().trim().toLowerCase(Locale.ROOT);
        v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s, 10);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (v == null || v.signum() < 0) {
      return null;
    }
    String hex = v.toString(16);
    return hex.length() > 22 ? null : "0x" + hex;
  }

  /** All frames of a normalized stacktrace (empty iterator when absent). */
  static Iterator<JsonNode> frames(JsonNode stacktrace) {
    return stacktrace == null ? java.util.Collections.emptyIterator()
        : stacktrace.path("frames").elements();
  }
}

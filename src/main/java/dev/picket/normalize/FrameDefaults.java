package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Sentry does to every stack trace of a stored event before grouping and storing it, as
 * its own answers show (the {@code sentry-compat} corpus):
 *
 * <ul>
 *   <li>{@code in_app} is made consistent per stack trace: when every frame says in-app, none is
 *       (the UI needs system frames to offer an app-only view); a frame without a value is not
 *       in-app. So after this step a stack trace has in-app frames only when it also has system
 *       frames, which is what the API's {@code hasSystemFrames} reports.
 *   <li>JavaScript frames whose {@code abs_path} is a web URL get a {@code module} made from the
 *       URL path ({@code http://host/dist/bundle.min.js} → {@code dist/bundle}), and the
 *       placeholder function {@code ?} is removed.
 * </ul>
 *
 * Applies to the top-level stack trace, each exception's and each thread's (not the raw ones).
 */
final class FrameDefaults {
  private static final Pattern VERSION_SEGMENT = Pattern.compile(
      "^(?:v?\\d+(?:\\.\\d+)*[a-z0-9-]*|[0-9a-f]{7,}|[0-9a-f]{5,}-[0-9a-f-]+)$");
  private static final List<String> SCRIPT_EXTENSIONS = List.of(".js", ".jsx", ".mjs", ".cjs");

  private FrameDefaults() {}

  static void apply(ObjectNode event) {
    boolean javascript = isJavaScript(event.path("platform").asText(""));
    for (JsonNode stacktrace : stacktraces(event)) {
      for (JsonNode frame : stacktrace.path("frames")) {
        String platform = frame.path("platform").asText("");
        if ((javascript && platform.isEmpty()) || isJavaScript(platform)) {
          javascriptFrame((ObjectNode) frame);
        }
      }
      inApp(stacktrace.path("frames"));
    }
  }

  static List<JsonNode> stacktraces(JsonNode event) {
    List<JsonNode> out = new ArrayList<>();
    if (event.path("stacktrace").isObject()) {
      out.add(event.get("stacktrace"));
    }
    for (String container : new String[] {"exception", "threads"}) {
      for (JsonNode value : event.path(container).path("values")) {
        if (value.path("stacktrace").isObject()) {
          out.add(value.get("stacktrace"));
        }
      }
    }
    return out;
  }

  /** All in-app → none in-app; unset → not in-app. */
  static void inApp(JsonNode frames) {
    boolean allInApp = frames.size() > 0;
    for (JsonNode frame : frames) {
      allInApp &= frame.path("in_app").asBoolean(false);
    }
    for (JsonNode frame : frames) {
      if (allInApp || !frame.path("in_app").isBoolean()) {
        ((ObjectNode) frame).put("in_app", false);
      }
    }
  }

  private static boolean isJavaScript(String platform) {
    return platform.equals("javascript") || platform.equals("node");
  }

  private static void javascriptFrame(ObjectNode frame) {
    if ("?".equals(frame.path("function").asText(null))) {
      frame.remove("function");
    }
    String absPath = frame.path("abs_path").asText("");
    if (!frame.hasNonNull("module") && (absPath.startsWith("http://") || absPath.startsWith("https://"))) {
      String module = moduleFromUrl(absPath);
      if (module != null) {
        frame.put("module", module);
      }
    }
  }

  /**
   * A made-up module name from a script URL: its path without the leading slash, the script
   * extension and a {@code .min} suffix, and without the folders up to a version or hash
   * segment ({@code /static/1.2.3/app/main.js} → {@code app/main}). Null for non-script URLs.
   */
  static String moduleFromUrl(String url) {
    String path;
    try {
      path = new URI(url).getPath();
    } catch (Exception e) {
      return null;
    }
    if (path == null) {
      return null;
    }
    String extension = SCRIPT_EXTENSIONS.stream().filter(path::endsWith).findFirst().orElse(null);
    if (extension == null) {
      return null;
    }
    path = path.substring(0, path.length() - extension.length());
    if (path.endsWith(".min")) {
      path = path.substring(0, path.length() - 4);
    }
    String[] segments = path.replaceFirst("^/+", "").split("/");
    int start = 0;
    for (int i = 0; i < segments.length - 1; i++) {
      if (VERSION_SEGMENT.matcher(segments[i]).matches()) {
        start = i + 1;
      }
    }
    String module = String.join("/", List.of(segments).subList(start, segments.length));
    return module.isEmpty() ? null : module;
  }
}

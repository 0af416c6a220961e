package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Frame and stack-trace values of {@code legacy:2019-03-12} (§6.13). Frozen with that config: do
 * not change behaviour here; a new config gets its own class.
 */
final class LegacyFrames {
  private static final int MAX_CONTEXT_LINE = 120;
  private static final Pattern CGLIB_ENHANCER = Pattern.compile("\\$\\$EnhancerByCGLIB\\$\\$[0-9a-fA-F]+");
  private static final Pattern CGLIB_FASTCLASS = Pattern.compile("\\$\\$FastClassByCGLIB\\$\\$[0-9a-fA-F]+");
  private static final Pattern JAVASSIST = Pattern.compile("\\$\\$_javassist_\\d+");
  private static final Pattern REFLECT_ACCESSOR = Pattern.compile("(sun\\.reflect\\.GeneratedMethodAccessor)\\d+");
  private static final Pattern CLOJURE_FN = Pattern.compile("\\$fn__\\d+");
  private static final Pattern VERSION_SEGMENT = Pattern.compile(
      "(?<=^|/)(?:v\\d+(?:\\.\\d+)*|\\d+(?:\\.\\d+)+|[0-9a-fA-F]{40}|[0-9a-fA-F]{32}|[0-9a-fA-F]{7,8})/");
  private static final Pattern RUBY_ANON = Pattern.compile("_\\d+(?=_|$)");

  private LegacyFrames() {}

  /** Values of the frames of one stack trace for the system ({@code app=false}) or app variant. */
  static List<String> stacktrace(JsonNode stacktrace, boolean app, String platform) {
    JsonNode frames = stacktrace == null ? null : stacktrace.get("frames");
    if (frames == null || !frames.isArray() || frames.isEmpty()) {
      return List.of();
    }
    List<JsonNode> all = new ArrayList<>();
    frames.forEach(all::add);
    if (all.size() == 1 && isUrlFrame(all.get(0)) && text(all.get(0), "function") == null) {
      return List.of();
    }
    List<JsonNode> chosen = all;
    if (app) {
      List<JsonNode> inApp = new ArrayList<>();
      all.forEach(f -> {
        if (f.path("in_app").asBoolean(false)) {
          inApp.add(f);
        }
      });
      if (!inApp.isEmpty()) {
        if (inApp.size() * 10 < all.size()) {
          return List.of();
        }
        chosen = inApp;
      }
    }
    List<String> values = new ArrayList<>();
    JsonNode previous = null;
    for (JsonNode f : chosen) {
      if (previous != null && isRecursion(previous, f)) {
        continue;
      }
      previous = f;
      values.addAll(frame(f, platform));
    }
    return values;
  }

  private static boolean isRecursion(JsonNode a, JsonNode b) {
    // colno too: Sentry's own hash for three minified frames on one line that differ only in
    // column (sentry-compat small_js_error) counts all three.
    for (String key : new String[] {"abs_path", "package", "module", "function", "lineno", "colno"}) {
      if (!Objects.equals(a.get(key), b.get(key))) {
        return false;
      }
    }
    return true;
  }

  static List<String> frame(JsonNode f, String eventPlatform) {
    List<String> values = new ArrayList<>();
    String module = text(f, "module");
    String filename = text(f, "filename");
    if (module != null) {
      values.add(module(module));
    } else if (filename != null && !isUrl(filename)) {
      values.add(filename(filename));
    }
    String contextLine = text(f, "context_line");
    boolean urlWithoutFunction = isUrlFrame(f) && text(f, "function") == null;
    if (contextLine != null && contextLine.length() <= MAX_CONTEXT_LINE && !urlWithoutFunction) {
      values.add(contextLine);
      return values;
    }
    if (values.isEmpty()) {
      return values;
    }
    String symbol = text(f, "symbol");
    String function = text(f, "function");
    if (symbol != null) {
      values.add(symbol);
    } else if (function != null) {
      String platform = f.has("platform") ? f.get("platform").asText() : eventPlatform;
      values.add(function(function, platform));
    } else if (f.has("lineno")) {
      values.add(f.get("lineno").asText());
    }
    return values;
  }

  static String module(String module) {
    String m = CGLIB_ENHANCER.matcher(module).replaceAll("\\$\\$EnhancerByCGLIB\\$\\$<auto>");
    m = CGLIB_FASTCLASS.matcher(m).replaceAll("\\$\\$FastClassByCGLIB\\$\\$<auto>");
    m = JAVASSIST.matcher(m).replaceAll("\\$\\$_javassist_<auto>");
    m = REFLECT_ACCESSOR.matcher(m).replaceAll("$1");
    return CLOJURE_FN.matcher(m).replaceAll("\\$fn__<auto>");
  }

  static String filename(String filename) {
    return VERSION_SEGMENT.matcher(filename).replaceAll("<version>/");
  }

  static String function(String function, String platform) {
    if (function.startsWith("lambda$") || function.startsWith("[Anonymous")) {
      return "<function>";
    }
    if ("ruby".equals(platform)) {
      return RUBY_ANON.matcher(function).replaceAll("_<anon>");
    }
    return function;
  }

  static boolean isUrlFrame(JsonNode f) {
    String abs = text(f, "abs_path");
    String filename = text(f, "filename");
    return (abs != null && isUrl(abs)) || (filename != null && isUrl(filename));
  }

  private static boolean isUrl(String s) {
    return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("file://")
        || s.startsWith("blob:") || s.startsWith("webpack://");
  }

  private static String text(JsonNode f, String key) {
    JsonNode n = f.get(key);
    return n != null && n.isTextual() && !n.textValue().isEmpty() ? n.textValue() : null;
  }
}

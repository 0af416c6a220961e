package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The view of a frame that stack-trace rules match against: behaviour family, function, module,
 * lower-cased path ({@code abs_path}, else {@code filename}) and package, in-app flag, category.
 * Mutable: {@code +app}/{@code -app} and {@code category=} update it while rules run.
 */
final class MatchFrame {
  private final String family;
  private final String function;
  private final String module;
  private final String path;
  private final String pkg;
  private boolean inApp;
  private String category;

  MatchFrame(ObjectNode frame, String eventPlatform) {
    String platform = text(frame, "platform");
    this.family = family(platform != null ? platform : eventPlatform);
    this.function = text(frame, "function");
    this.module = text(frame, "module");
    String p = text(frame, "abs_path");
    if (p == null) {
      p = text(frame, "filename");
    }
    this.path = p == null ? null : p.toLowerCase(Locale.ROOT).replace('\\', '/');
    String pk = text(frame, "package");
    this.pkg = pk == null ? null : pk.toLowerCase(Locale.ROOT).replace('\\', '/');
    this.inApp = frame.path("in_app").asBoolean(false);
    this.category = text(frame.path("data"), "category");
  }

  static String family(String platform) {
    if (FunctionNames.isNativeFamily(platform)) {
      return "native";
    }
    return FunctionNames.isJavaScriptFamily(platform) ? "javascript" : "other";
  }

  String family() {
    return family;
  }

  String function() {
    return function;
  }

  String module() {
    return module;
  }

  String path() {
    return path;
  }

  String pkg() {
    return pkg;
  }

  boolean inApp() {
    return inApp;
  }

  void inApp(boolean v) {
    inApp = v;
  }

  String category() {
    return category;
  }

  void category(String c) {
    category = c;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** Exception fields that {@code type:}, {@code value:} and {@code mechanism:} match. */
  record ExceptionData(String type, String value, String mechanism) {
    static ExceptionData of(JsonNode exception) {
      if (exception == null) {
        return null;
      }
      return new ExceptionData(text(exception, "type"), text(exception, "value"),
          text(exception.path("mechanism"), "type"));
    }
  }
}

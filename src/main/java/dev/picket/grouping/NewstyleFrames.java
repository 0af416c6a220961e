package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The frame component of {@code newstyle:2023-01-11} (§6.4): module, filename, function and
 * (for javascript/node/python/php/ruby) the context line, with the per-platform clean-ups.
 */
final class NewstyleFrames {
  private static final Pattern BASENAME = Pattern.compile("[/\\\\]");
  private static final Pattern JAVA_REFLECT =
      Pattern.compile("(sun\\.reflect\\.Generated(?:Serialization)?ConstructorAccessor)\\d+");
  private static final Pattern JAVA_CGLIB =
      Pattern.compile("(\\$\\$[\\w]+?CGLIB\\$\\$)[a-fA-F0-9]+(_[0-9]+)?");
  private static final Pattern JAVASSIST = Pattern.compile("(\\$\\$_javassist)(?:_seam)?(?:_[0-9]+)?");
  private static final Pattern CLOJURE = Pattern.compile("(\\$fn__)\\d+");
  private static final Pattern ENHANCER_BY =
      Pattern.compile("(\\$\\$EnhancerBy[\\w]+?\\$\\$)[a-fA-F0-9]+(_[0-9]+)?");
  private static final Pattern FAST_CLASS_BY =
      Pattern.compile("(\\$\\$FastClassBy[\\w]+?\\$\\$)[a-fA-F0-9]+(_[0-9]+)?");
  private static final Pattern HIBERNATE = Pattern.compile("(\\$HibernateProxy\\$)\\w+");
  private static final Pattern RUBY_ERB = Pattern.compile("__\\d{4,}_\\d{4,}$");
  private static final List<String> CONTEXT_LINE_PLATFORMS =
      List.of("javascript", "node", "python", "php", "ruby");
  private static final int MAX_CONTEXT_LINE = 120;

  private NewstyleFrames() {}

  static GroupingComponent frame(JsonNode f, String eventPlatform, boolean recursion) {
    String platform = text(f, "platform") != null ? text(f, "platform") : eventPlatform;
    String family = MatchFrame.family(platform);
    String absPath = text(f, "abs_path");
    GroupingComponent filename = text(f, "filename") == null ? new GroupingComponent("filename")
        : filename(absPath, text(f, "filename"), platform);
    GroupingComponent module = text(f, "module") == null ? new GroupingComponent("module")
        : module(absPath, text(f, "module"), platform);
    if (module.contributes() && filename.contributes()) {
      filename.update(false, "module takes precedence");
    }
    GroupingComponent contextLine = null;
    if (CONTEXT_LINE_PLATFORMS.contains(platform)) {
      contextLine = contextLine(f, family);
    }
    boolean sourcemap = f.path("data").has("sourcemap") && !f.path("data").path("sourcemap").isNull();
    GroupingComponent function = function(text(f, "function"), text(f, "raw_function"), platform,
        sourcemap, contextLine != null && contextLine.contributes());
    List<GroupingComponent> values = new ArrayList<>(List.of(module, filename, function));
    if (contextLine != null) {
      values.add(contextLine);
    }
    if (family.equals("native") && function.contributes() && filename.contributes()) {
      filename.update(false, "discarded native filename for grouping stability");
    }
    GroupingComponent frame = new GroupingComponent("frame", values);
    if (family.equals("javascript")) {
      String func = text(f, "raw_function") != null ? text(f, "raw_function") : text(f, "function");
      if (func != null) {
        func = func.substring(func.lastIndexOf('.') + 1);
      }
      if (func == null || func.isEmpty()) {
        function.update(false, null);
      } else if (func.equals("?") || func.equals("<anonymous function>")
          || func.equals("<anonymous>") || func.equals("Anonymous function") || func.endsWith("/<")) {
        function.update(false, "ignored unknown function name");
      }
      if ("eval".equals(func) || absPath != null && List.of("[native code]", "native code",
          "eval code", "<anonymous>").contains(absPath)) {
        frame.update(false, "ignored low quality javascript frame");
      }
    }
    if (recursion) {
      frame.update(false, "ignored due to recursion");
    }
    return frame;
  }

  static GroupingComponent filename(String absPath, String filename, String platform) {
    String[] parts = BASENAME.split(filename, -1);
    String name = parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT);
    GroupingComponent c = GroupingComponent.leaf("filename", name);
    if (hasUrlOrigin(absPath)) {
      c.update(false, "ignored because frame points to a URL");
    } else if (name.equals("<anonymous>")) {
      c.update(false, "anonymous filename discarded");
    } else if (name.equals("[native code]")) {
      c.update(false, "native code indicated by filename");
    } else if ("java".equals(platform)) {
      String cleaned = JAVASSIST.matcher(name).replaceAll("$1<auto>");
      if (!cleaned.equals(name)) {
        c.setValues(List.of(cleaned)).hint("cleaned javassist parts");
      }
    }
    return c;
  }

  /** http(s), applewebdata and blob URLs; file: URLs count as files. */
  static boolean hasUrlOrigin(String path) {
    return path != null && (path.startsWith("http:") || path.startsWith("https:")
        || path.startsWith("applewebdata:") || path.startsWith("blob:"));
  }

  static GroupingComponent module(String absPath, String module, String platform) {
    GroupingComponent c = GroupingComponent.leaf("module", module);
    if ("javascript".equals(platform) && module.contains("/") && absPath != null
        && absPath.endsWith(module)) {
      c.update(false, "ignored bad javascript module");
    } else if ("java".equals(platform)) {
      if (module.contains("$$Lambda$")) {
        c.update(false, "ignored java lambda");
      }
      if (module.startsWith("sun.reflect.GeneratedMethodAccessor")) {
        c.setValues(List.of("sun.reflect.GeneratedMethodAccessor")).hint("removed reflection marker");
      } else if (module.startsWith("jdk.internal.reflect.GeneratedMethodAccessor")) {
        c.setValues(List.of("jdk.internal.reflect.GeneratedMethodAccessor"))
            .hint("removed reflection marker");
      } else {
        String m = JAVA_REFLECT.matcher(module).replaceAll("$1<auto>");
        m = JAVA_CGLIB.matcher(m).replaceAll("$1<auto>");
        m = JAVASSIST.matcher(m).replaceAll("$1<auto>");
        m = CLOJURE.matcher(m).replaceAll("$1<auto>");
        m = ENHANCER_BY.matcher(m).replaceAll("$1<auto>");
        m = FAST_CLASS_BY.matcher(m).replaceAll("$1<auto>");
        m = HIBERNATE.matcher(m).replaceAll("$1<auto>");
        if (!m.equals(module)) {
          c.setValues(List.of(m)).hint("removed codegen marker");
        }
      }
    }
    return c;
  }

  static GroupingComponent function(String function, String rawFunction, String platform,
      boolean sourcemap, boolean contextLineAvailable) {
    String func;
    if ("csharp".equals(platform)) {
      func = rawFunction != null ? rawFunction : function;
    } else {
      func = function != null ? function : rawFunction;
      if (rawFunction == null && function != null) {
        func = FunctionNames.trim(func, platform);
      }
    }
    if (func == null || func.isEmpty()) {
      return new GroupingComponent("function");
    }
    GroupingComponent c = GroupingComponent.leaf("function", func);
    String family = MatchFrame.family(platform);
    if ("ruby".equals(platform)) {
      if (func.startsWith("block ")) {
        c.setValues(List.of("block")).hint("ruby block");
      } else {
        String f = RUBY_ERB.matcher(func).replaceAll("");
        if (!f.equals(func)) {
          c.setValues(List.of(f)).hint("removed generated erb template suffix");
        }
      }
    } else if ("php".equals(platform)) {
      if (func.startsWith("[Anonymous") || func.startsWith("class@anonymous\u0000")) {
        c.update(false, "ignored anonymous function");
      }
      if (func.startsWith("class@anonymous")) {
        String f = func.substring(func.lastIndexOf("::") < 0 ? 0 : func.lastIndexOf("::") + 2);
        if (!f.equals(func)) {
          c.setValues(List.of(f)).hint("anonymous class method");
        }
      }
    } else if ("java".equals(platform)) {
      if (func.startsWith("lambda$")) {
        c.update(false, "ignored java lambda");
      }
    } else if (family.equals("native")) {
      if (func.equals("<redacted>") || func.equals("<unknown>")) {
        c.update(false, "ignored unknown function");
      } else {
        String f = FunctionNames.trimNative(func, false);
        if (!f.equals(func)) {
          c.setValues(List.of(f)).hint("isolated function");
        }
      }
    } else if (family.equals("javascript")) {
      String f = func.substring(func.lastIndexOf('.') + 1);
      if (!f.equals(func)) {
        c.setValues(List.of(f)).hint("trimmed javascript function");
      }
      if (sourcemap && contextLineAvailable) {
        c.update(false, "ignored because sourcemap used and context line available");
      }
    }
    return c;
  }

  static GroupingComponent contextLine(JsonNode f, String family) {
    String raw = text(f, "context_line");
    String line = raw == null ? "" : String.join(" ", raw.replace("\t", "  ").strip().split("\\s+"));
    if (line.isEmpty()) {
      return new GroupingComponent("context-line");
    }
    GroupingComponent c = GroupingComponent.leaf("context-line", line);
    if (raw.length() > MAX_CONTEXT_LINE) {
      c.update(false, "discarded because line too long");
    } else if (family.equals("javascript") && text(f, "function") == null && isUrl(f)) {
      c.update(false, "discarded because from URL origin");
    }
    return c;
  }

  /** Sentry's {@code Frame.is_url}: abs_path is a blob:, file:, http(s): or applewebdata: URL. */
  static boolean isUrl(JsonNode f) {
    String abs = text(f, "abs_path");
    return abs != null && (abs.startsWith("blob:") || abs.startsWith("file:")
        || abs.startsWith("http:") || abs.startsWith("https:") || abs.startsWith("applewebdata:"));
  }

  static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isTextual() && !v.textValue().isEmpty() ? v.textValue() : null;
  }
}

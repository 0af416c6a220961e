package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stack-trace component and its {@code system}/{@code app} variants (§6.5): frame
 * components, recursion, the javascript single-frame rule, the stack-trace rules' group
 * actions.
 */
final class NewstyleStacktraces {
  private static final String[] RECURSION_KEYS =
      {"abs_path", "package", "module", "filename", "function", "lineno", "colno"};

  private NewstyleStacktraces() {}

  /** Variants {@code system} then {@code app} of one stack trace (system is the priority). */
  static Map<String, GroupingComponent> variants(JsonNode stacktrace, NewstyleContext ctx,
      JsonNode exception) {
    Map<String, GroupingComponent> out = new LinkedHashMap<>();
    out.put("system", single(stacktrace, ctx, exception, false));
    out.put("app", single(stacktrace, ctx, exception, true));
    return out;
  }

  private static GroupingComponent single(JsonNode stacktrace, NewstyleContext ctx,
      JsonNode exception, boolean app) {
    List<ObjectNode> frames = new ArrayList<>();
    stacktrace.path("frames").forEach(f -> {
      if (f.isObject()) {
        frames.add((ObjectNode) f);
      }
    });
    List<GroupingComponent> components = new ArrayList<>();
    JsonNode prev = null;
    for (ObjectNode f : frames) {
      GroupingComponent c = NewstyleFrames.frame(f, ctx.platform(), isRecursion(f, prev));
      if (app && !f.path("in_app").asBoolean(false)) {
        c.update(false, "non app frame");
      }
      components.add(c);
      prev = f;
    }
    if (frames.size() == 1 && components.get(0).contributes()) {
      ObjectNode f = frames.get(0);
      String platform = NewstyleFrames.text(f, "platform");
      String family = MatchFrame.family(platform != null ? platform : ctx.platform());
      if (family.equals("javascript") && NewstyleFrames.text(f, "function") == null
          && NewstyleFrames.isUrl(f)) {
        components.get(0).update(false, "ignored single non-URL JavaScript frame");
      }
    }
    return ctx.enhancements().assemble(components, frames, ctx.platform(),
        MatchFrame.ExceptionData.of(exception));
  }

  private static boolean isRecursion(JsonNode f, JsonNode prev) {
    if (prev == null) {
      return false;
    }
    for (String key : RECURSION_KEYS) {
      if (!Objects.equals(f.get(key), prev.get(key))) {
        return false;
      }
    }
    return true;
  }
}

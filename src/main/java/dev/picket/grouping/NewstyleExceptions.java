package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single and chained exceptions (§6.6, §6.7). Children in the 2023 ("legacy") order
 * {@code stacktrace, type, [ns-error,] value}; the value is parameterized like a message and
 * yields to a contributing stack trace. An exception without a stack trace has only the
 * {@code app} variant.
 */
final class NewstyleExceptions {
  private NewstyleExceptions() {}

  static Map<String, GroupingComponent> chained(JsonNode values, NewstyleContext ctx) {
    List<JsonNode> all = new ArrayList<>();
    values.forEach(all::add);
    if (all.isEmpty()) {
      return Map.of();
    }
    List<Map<String, GroupingComponent>> components = new ArrayList<>();
    for (JsonNode e : all) {
      components.add(single(e, ctx));
    }
    List<Integer> kept = ExceptionGroups.filter(all, components);
    if (kept.size() == 1) {
      return components.get(kept.get(0));
    }
    Map<String, List<GroupingComponent>> byName = new LinkedHashMap<>();
    for (int i : kept) {
      components.get(i).forEach((name, c) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(c));
    }
    Map<String, GroupingComponent> out = new LinkedHashMap<>();
    byName.forEach((name, list) -> out.put(name, new GroupingComponent("chained-exception", list)));
    return out;
  }

  static Map<String, GroupingComponent> single(JsonNode e, NewstyleContext ctx) {
    Map<String, GroupingComponent> stacktraces;
    JsonNode st = e.get("stacktrace");
    if (st != null && st.isObject()) {
      stacktraces = NewstyleStacktraces.variants(st, ctx, e);
    } else {
      stacktraces = new LinkedHashMap<>();
      stacktraces.put("app", new GroupingComponent("stacktrace"));
    }
    boolean synthetic = e.path("mechanism").path("synthetic").asBoolean(false);
    JsonNode nsError = e.path("mechanism").path("meta").get("ns_error");
    Map<String, GroupingComponent> out = new LinkedHashMap<>();
    stacktraces.forEach((variant, stacktrace) -> {
      List<GroupingComponent> children = new ArrayList<>();
      children.add(stacktrace);
      GroupingComponent type = GroupingComponent.leaf("type", NewstyleFrames.text(e, "type"));
      if (synthetic) {
        type.update(false, "ignored because exception is synthetic");
      }
      children.add(type);
      GroupingComponent ns = null;
      if (nsError != null && nsError.isObject()) {
        List<String> v = new ArrayList<>();
        v.add(nsError.path("domain").isNull() || nsError.path("domain").isMissingNode()
            ? "None" : nsError.path("domain").asText());
        v.add(nsError.path("code").isNull() || nsError.path("code").isMissingNode()
            ? "None" : nsError.path("code").asText());
        ns = new GroupingComponent("ns-error", v);
        children.add(ns);
      }
      GroupingComponent value = new GroupingComponent("value");
      JsonNode raw = e.get("value");
      if (raw != null && raw.isTextual()) {
        String normalized = Parameterization.normalize(raw.textValue());
        value.setValues(List.of(normalized));
        if (!normalized.equals(raw.textValue())) {
          value.hint("stripped event-specific values");
        }
      }
      if (stacktrace.contributes() && value.contributes()) {
        value.update(false, "stacktrace takes precedence");
      }
      if (ns != null && ns.contributes() && value.contributes()) {
        value.update(false, "ns-error takes precedence");
      }
      children.add(value);
      out.put(variant, new GroupingComponent("exception", children));
    });
    return out;
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code newstyle:2023-01-11} (§6.1–§6.11), Sentry's default config since 2023. Strategies in
 * precedence order (chained exception, threads, stack trace, template, CSP, HPKP, Expect-Staple,
 * Expect-CT, message); the first with a contributing variant wins. Released: frozen.
 */
final class NewstyleStrategy implements GroupingStrategy {
  private final Enhancements base = BaseEnhancements.ALL_PLATFORMS_2023_01_11;

  @Override
  public String id() {
    return GroupingConfigs.NEWSTYLE_2023_01_11;
  }

  @Override
  public List<Variant> variants(ObjectNode event) {
    List<Variant> out = new ArrayList<>();
    for (GroupingVariant v : groupingVariants(event, null)) {
      if (v.contributes()) {
        out.add(new Variant(v.name(), v.values()));
      }
    }
    return out;
  }

  @Override
  public List<GroupingVariant> groupingVariants(ObjectNode event, String projectRules) {
    ObjectNode copy = event.deepCopy();
    Enhancements rules = projectRules == null || projectRules.isBlank() ? base
        : base.plus(Enhancements.parse(projectRules));
    StacktracePreparation.apply(copy, rules);
    NewstyleContext ctx = new NewstyleContext(copy, NewstyleFrames.text(copy, "platform"), rules);
    return NewstyleVariants.build(copy, components(ctx));
  }

  /** The root component of each variant, strategy precedence applied. */
  static Map<String, GroupingComponent> components(NewstyleContext ctx) {
    ObjectNode e = ctx.event();
    List<Map.Entry<String, Map<String, GroupingComponent>>> strategies = new ArrayList<>();
    if (e.path("exception").path("values").size() > 0) {
      strategies.add(Map.entry("exception", stacktraceBased(
          NewstyleExceptions.chained(e.path("exception").path("values"), ctx))));
    }
    if (e.path("threads").path("values").size() > 0) {
      strategies.add(Map.entry("threads", stacktraceBased(threads(e.path("threads").path("values"), ctx))));
    }
    if (e.path("stacktrace").isObject()) {
      strategies.add(Map.entry("stacktrace",
          stacktraceBased(NewstyleStacktraces.variants(e.get("stacktrace"), ctx, null))));
    }
    if (e.path("template").isObject()) {
      strategies.add(Map.entry("template", Map.of("default", template(e.get("template")))));
    }
    if (e.path("csp").isObject()) {
      strategies.add(Map.entry("csp", Map.of("default", SecurityReports.csp(e.get("csp")))));
    }
    for (String[] r : new String[][] {{"hpkp", "hpkp"}, {"expectstaple", "expect-staple"},
        {"expectct", "expect-ct"}}) {
      if (e.path(r[0]).isObject()) {
        strategies.add(Map.entry(r[1], Map.of("default", SecurityReports.hostReport(r[1], e.get(r[0])))));
      }
    }
    if (e.path("logentry").isObject()) {
      strategies.add(Map.entry("message", Map.of("default", message(e.get("logentry")))));
    }
    return Precedence.apply(strategies);
  }

  /** Sentry's variant processing for stack-trace based strategies (§6.5). */
  private static Map<String, GroupingComponent> stacktraceBased(Map<String, GroupingComponent> v) {
    if (v.size() > 1) {
      List<String> withStack = new ArrayList<>();
      v.forEach((name, c) -> {
        if (c.find("stacktrace").stream().anyMatch(GroupingComponent::contributes)) {
          withStack.add(name);
        }
      });
      if (!withStack.isEmpty()) {
        String suffix = withStack.size() == 1 ? "but the " + withStack.get(0) + " variant does"
            : "others do";
        v.forEach((name, c) -> {
          if (!withStack.contains(name)) {
            c.update(false, "ignored because this variant does not have a contributing stacktrace, "
                + suffix);
          }
        });
      }
    }
    GroupingComponent system = v.get("system");
    GroupingComponent app = v.get("app");
    if (system != null && app != null && app.contributes()) {
      if (!system.contributes()) {
        app.update(false, "ignored because system variant is not used");
      } else if (Objects.equals(app.hash(), system.hash())) {
        app.update(false, "ignored because hash matches system variant");
      }
    }
    return v;
  }

  private static Map<String, GroupingComponent> threads(JsonNode threads, NewstyleContext ctx) {
    for (String flag : new String[] {"crashed", "current", null}) {
      List<JsonNode> picked = new ArrayList<>();
      threads.forEach(t -> {
        if (flag == null || t.path(flag).asBoolean(false)) {
          picked.add(t);
        }
      });
      if (picked.size() == 1) {
        JsonNode st = picked.get(0).get("stacktrace");
        if (st == null || !st.isObject()) {
          return Map.of("app", new GroupingComponent("threads").update(false, "thread has no stacktrace"));
        }
        Map<String, GroupingComponent> out = new LinkedHashMap<>();
        NewstyleStacktraces.variants(st, ctx, null)
            .forEach((name, c) -> out.put(name, new GroupingComponent("threads", List.of(c))));
        return out;
      }
    }
    return Map.of("app", new GroupingComponent("threads")
        .update(false, "ignored because does not contain exactly one thread"));
  }

  private static GroupingComponent template(JsonNode t) {
    return new GroupingComponent("template", List.of(
        GroupingComponent.leaf("filename", NewstyleFrames.text(t, "filename")),
        GroupingComponent.leaf("context-line", NewstyleFrames.text(t, "context_line"))));
  }

  private static GroupingComponent message(JsonNode logentry) {
    String raw = NewstyleFrames.text(logentry, "message");
    if (raw == null) {
      raw = NewstyleFrames.text(logentry, "formatted");
    }
    String normalized = Parameterization.normalize(raw == null ? "" : raw);
    GroupingComponent c = GroupingComponent.leaf("message", normalized);
    return normalized.equals(raw) ? c : c.hint("stripped event-specific values");
  }
}

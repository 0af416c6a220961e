package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code legacy:2019-03-12}, the Sentry 9-era algorithm (§6.13). Interfaces by score: exception,
 * top-level stacktrace, threads, template, security report; the first with values wins; else the
 * log message.
 * Variants {@code system} then {@code app} (app dropped when empty or equal). Released: frozen.
 *
 * <p>Picket addition: exceptions whose mechanism is {@code synthetic} (Node's captureMessage with
 * attachStacktrace) are ignored, so such events group by their message.
 */
final class LegacyStrategy implements GroupingStrategy {
  @Override
  public String id() {
    return GroupingConfigs.LEGACY_2019_03_12;
  }

  @Override
  public List<GroupingVariant> groupingVariants(ObjectNode event, String projectRules) {
    return LegacyVariants.build(event, variants(event));
  }

  @Override
  public List<Variant> variants(ObjectNode event) {
    String platform = event.path("platform").asText("");
    List<Variant> v = exception(event.path("exception").path("values"), platform);
    if (v.isEmpty()) {
      v = stacktrace(event.get("stacktrace"), platform);
    }
    if (v.isEmpty()) {
      v = stacktrace(threadStacktrace(event.path("threads").path("values")), platform);
    }
    if (v.isEmpty()) {
      v = template(event.get("template"));
    }
    if (v.isEmpty()) {
      v = securityReport(event);
    }
    if (v.isEmpty()) {
      v = message(event.get("logentry"));
    }
    return v;
  }

  /**
   * The config's {@code csp:v1}, {@code hpkp:v1}, {@code expect-ct:v1} and {@code expect-staple:v1}
   * (the same components as newstyle's): the directive with the local-script violation or the
   * blocked URI, or a salt with the hostname. They rank above the message, below template.
   */
  private static List<Variant> securityReport(ObjectNode event) {
    GroupingComponent component = null;
    if (event.path("csp").isObject()) {
      component = SecurityReports.csp(event.get("csp"));
    } else if (event.path("hpkp").isObject()) {
      component = SecurityReports.hostReport("hpkp", event.get("hpkp"));
    } else if (event.path("expectstaple").isObject()) {
      component = SecurityReports.hostReport("expect-staple", event.get("expectstaple"));
    } else if (event.path("expectct").isObject()) {
      component = SecurityReports.hostReport("expect-ct", event.get("expectct"));
    }
    List<String> values = component == null ? List.of() : component.flatValues();
    return values.isEmpty() ? List.of() : List.of(new Variant("default", values));
  }

  private static List<Variant> exception(JsonNode values, String platform) {
    List<JsonNode> exceptions = new ArrayList<>();
    values.forEach(e -> {
      if (!e.path("mechanism").path("synthetic").asBoolean(false)) {
        exceptions.add(e);
      }
    });
    if (exceptions.isEmpty()) {
      return List.of();
    }
    List<String> system = exceptionValues(exceptions, false, platform);
    boolean hasStack = !system.isEmpty();
    if (!hasStack) {
      List<String> typeValue = new ArrayList<>();
      for (JsonNode e : exceptions) {
        addIfPresent(typeValue, e.get("type"));
        addIfPresent(typeValue, e.get("value"));
      }
      return typeValue.isEmpty() ? List.of() : List.of(new Variant("system", typeValue));
    }
    return systemAndApp(system, exceptionValues(exceptions, true, platform));
  }

  private static List<String> exceptionValues(List<JsonNode> exceptions, boolean app,
      String platform) {
    List<String> values = new ArrayList<>();
    for (JsonNode e : exceptions) {
      List<String> stack = LegacyFrames.stacktrace(e.get("stacktrace"), app, platform);
      if (!stack.isEmpty()) {
        values.addAll(stack);
        addIfPresent(values, e.get("type"));
      }
    }
    return values;
  }

  private static List<Variant> stacktrace(JsonNode stacktrace, String platform) {
    List<String> system = LegacyFrames.stacktrace(stacktrace, false, platform);
    if (system.isEmpty()) {
      return List.of();
    }
    return systemAndApp(system, LegacyFrames.stacktrace(stacktrace, true, platform));
  }

  private static List<Variant> systemAndApp(List<String> system, List<String> app) {
    if (app.isEmpty() || app.equals(system)) {
      return List.of(new Variant("system", system));
    }
    return List.of(new Variant("system", system), new Variant("app", app));
  }

  /** The only thread with a stack trace, else the crashed one. */
  private static JsonNode threadStacktrace(JsonNode threads) {
    JsonNode only = null;
    int withStack = 0;
    JsonNode crashed = null;
    for (JsonNode t : threads) {
      if (t.has("stacktrace")) {
        withStack++;
        only = t.get("stacktrace");
        if (t.path("crashed").asBoolean(false) && crashed == null) {
          crashed = t.get("stacktrace");
        }
      }
    }
    return withStack == 1 ? only : crashed;
  }

  private static List<Variant> template(JsonNode template) {
    if (template == null) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    addIfPresent(values, template.get("filename"));
    addIfPresent(values, template.get("context_line"));
    return values.isEmpty() ? List.of() : List.of(new Variant("template", values));
  }

  private static List<Variant> message(JsonNode logentry) {
    if (logentry == null) {
      return List.of();
    }
    String text = logentry.path("message").asText("");
    if (text.isEmpty()) {
      text = logentry.path("formatted").asText("");
    }
    return text.isEmpty() ? List.of() : List.of(new Variant("message", List.of(text)));
  }

  private static void addIfPresent(List<String> values, JsonNode n) {
    if (n != null && n.isTextual() && !n.textValue().isEmpty()) {
      values.add(n.textValue());
    }
  }
}

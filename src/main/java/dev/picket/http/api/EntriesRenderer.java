package dev.picket.http.api;

import static dev.picket.http.api.StacktraceRenderer.orNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code entries} list: one entry per stored interface, in Sentry's display order (message,
 * exception, stacktrace, threads, security reports, template, breadcrumbs, request, debugmeta);
 * empty interfaces are skipped.
 */
final class EntriesRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private record Kind(String type, String key, Function<JsonNode, JsonNode> render) {}

  private static final List<Kind> ORDER = List.of(
      new Kind("message", "logentry", Pruning::withoutEmpty),
      new Kind("exception", "exception", EntriesRenderer::exception),
      new Kind("stacktrace", "stacktrace", StacktraceRenderer::render),
      new Kind("threads", "threads", EntriesRenderer::threads),
      new Kind("csp", "csp", Pruning::withoutEmpty),
      new Kind("hpkp", "hpkp", Pruning::withoutEmpty),
      new Kind("expectct", "expectct", Pruning::withoutEmpty),
      new Kind("expectstaple", "expectstaple", Pruning::withoutEmpty),
      new Kind("template", "template", EntriesRenderer::template),
      new Kind("breadcrumbs", "breadcrumbs", BreadcrumbsRenderer::render),
      new Kind("request", "request", RequestRenderer::render),
      new Kind("debugmeta", "debug_meta", Pruning::withoutEmpty));

  private EntriesRenderer() {}

  static ArrayNode render(JsonNode event) {
    ArrayNode entries = F.arrayNode();
    for (Kind kind : ORDER) {
      JsonNode stored = event.get(kind.key());
      if (stored == null || !stored.isObject() || stored.isEmpty()) {
        continue;
      }
      JsonNode data = kind.render().apply(stored);
      if (!Pruning.isEmpty(data)) {
        entries.addObject().put("type", kind.type()).set("data", data);
      }
    }
    return entries;
  }

  private static JsonNode exception(JsonNode exception) {
    ArrayNode values = F.arrayNode();
    boolean inApp = false;
    for (JsonNode value : exception.path("values")) {
      ObjectNode out = values.addObject();
      out.set("type", orNull(value.get("type")));
      out.set("value", Pruning.isEmpty(value.get("value")) ? F.nullNode() : value.get("value"));
      out.set("module", orNull(value.get("module")));
      out.set("mechanism", value.path("mechanism").isObject()
          ? Pruning.withoutEmpty(value.get("mechanism")) : F.nullNode());
      out.set("threadId", orNull(value.get("thread_id")));
      out.set("stacktrace", StacktraceRenderer.render(value.get("stacktrace")));
      out.set("rawStacktrace", StacktraceRenderer.render(value.get("raw_stacktrace")));
      inApp |= StacktraceRenderer.hasInAppFrames(value.path("stacktrace").path("frames"));
    }
    if (values.isEmpty()) {
      return F.nullNode();
    }
    ObjectNode data = F.objectNode();
    data.set("values", values);
    data.put("hasSystemFrames", inApp);
    data.set("excOmitted", orNull(exception.get("exc_omitted")));
    return data;
  }

  private static JsonNode threads(JsonNode threads) {
    ArrayNode values = F.arrayNode();
    for (JsonNode thread : threads.path("values")) {
      ObjectNode out = values.addObject();
      out.set("id", orNull(thread.get("id")));
      out.set("current", orNull(thread.get("current")));
      out.set("crashed", orNull(thread.get("crashed")));
      out.set("name", orNull(thread.get("name")));
      out.set("stacktrace", thread.path("stacktrace").path("frames").isEmpty()
          ? F.nullNode() : StacktraceRenderer.render(thread.get("stacktrace")));
      out.set("rawStacktrace", StacktraceRenderer.render(thread.get("raw_stacktrace")));
    }
    return values.isEmpty() ? F.nullNode() : F.objectNode().set("values", values);
  }

  private static JsonNode template(JsonNode template) {
    ObjectNode out = F.objectNode();
    out.set("lineNo", orNull(template.get("lineno")));
    out.set("context", StacktraceRenderer.context(template));
    out.set("filename", orNull(template.get("filename")));
    return out;
  }
}

package dev.picket.http.api;

import static dev.picket.http.api.StacktraceRenderer.orNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code request} entry in Sentry 9's shape: {@code query} is the raw query string, headers and
 * cookies are {@code [name, value]} pairs, {@code env} null when empty.
 */
final class RequestRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RequestRenderer() {}

  static JsonNode render(JsonNode request) {
    ObjectNode out = F.objectNode();
    out.set("cookies", request.has("cookies") ? request.get("cookies") : F.arrayNode());
    out.set("fragment", orNull(request.get("fragment")));
    out.set("headers", request.has("headers") ? request.get("headers") : F.arrayNode());
    out.set("inferredContentType", orNull(request.get("inferred_content_type")));
    out.set("url", orNull(request.get("url")));
    out.set("env", Pruning.isEmpty(request.get("env")) ? F.nullNode() : request.get("env"));
    out.set("query", orNull(request.get("query_string")));
    out.set("data", orNull(request.get("data")));
    out.set("method", orNull(request.get("method")));
    return out;
  }
}

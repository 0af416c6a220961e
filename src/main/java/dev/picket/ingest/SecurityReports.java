package dev.picket.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.protocol.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Browser security reports (the {@code /security/} and {@code /csp-report/} endpoints) turned
 * into event payloads as Relay does, before the usual normalization: a CSP level 2
 * {@code {"csp-report": {...}}}, a Reporting API list (or one item) of {@code csp-violation}
 * reports, HPKP (the report object itself, recognized by {@code known-pins}),
 * {@code {"expect-ct-report": {...}}} and {@code {"expect-staple-report": {...}}}. Each becomes
 * the interface under {@code csp}/{@code hpkp}/{@code expectct}/{@code expectstaple} (snake_case),
 * a log message, culprit, tags, and a request carrying the browser's headers.
 */
public final class SecurityReports {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Content types Relay accepts here, plus the Reporting API's. */
  private static final Set<String> CONTENT_TYPES = Set.of("application/json", "application/csp-report",
      "application/reports+json", "application/expect-ct-report", "application/expect-ct-report+json",
      "application/expect-staple-report");

  /** What the delivering HTTP request adds to each event (any may be null). */
  public record Delivery(String userAgent, String referer, String origin, String release,
      String environment) {}

  private SecurityReports() {}

  static boolean acceptsContentType(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.contains(mime);
  }

  /**
   * One event payload per report in {@code body} (several for a Reporting API batch, whose items
   * of other types are skipped). Throws a 400 {@link Rejection} when nothing in it is a report.
   */
  static List<ObjectNode> events(byte[] body, Delivery delivery) {
    JsonNode root = EventJson.readTree(body);
    List<ObjectNode> events = new ArrayList<>();
    if (root.isArray()) {
      for (JsonNode item : root) {
        if (item.isObject() && "csp-violation".equals(item.path("type").asText())) {
          events.add(event(item, delivery));
        }
      }
      if (events.isEmpty()) {
        throw invalid("no csp-violation report in the list");
      }
    } else if (root.isObject()) {
      events.add(event((ObjectNode) root, delivery));
    } else {
      throw invalid("expected a JSON object or a list of reports");
    }
    return events;
  }

  private static ObjectNode event(JsonNode report, Delivery delivery) {
    ObjectNode event = F.objectNode();
    if (report.has("csp-report")) {
      CspReports.apply(report.get("csp-report"), event);
    } else if ("csp-violation".equals(report.path("type").asText())) {
      CspReports.apply(report.path("body"), event);
    } else if (report.has("known-pins")) {
      host(event, "hpkp", report, "Public key pinning validation failed for '%s'", false);
    } else if (report.has("expect-staple-report")) {
      host(event, "expectstaple", report.get("expect-staple-report"), "Expect-Staple failed for '%s'", true);
    } else if (report.has("expect-ct-report")) {
      host(event, "expectct", report.get("expect-ct-report"), "Expect-CT failed for '%s'", true);
    } else {
      throw invalid("unsupported security report type");
    }
    deliveredBy(event, delivery);
    return event;
  }

  /** HPKP, Expect-CT, Expect-Staple: about a host; the culprit is the host except for HPKP (as Relay). */
  private static void host(ObjectNode event, String key, JsonNode report, String message, boolean culprit) {
    if (!report.isObject() || !report.path("hostname").isTextual()) {
      throw invalid(key + " report without a hostname");
    }
    ObjectNode data = (ObjectNode) snakeCase(report);
    String hostname = data.get("hostname").asText();
    event.putObject("logentry").put("formatted", String.format(message, hostname));
    if (culprit) {
      event.put("culprit", hostname);
    }
    ObjectNode tags = event.putObject("tags");
    tags.put("hostname", hostname);
    for (String tag : new String[] {"port", "include_subdomains", "response_status", "cert_status"}) {
      JsonNode v = data.get(tag);
      if (v != null && v.isValueNode()) {
        tags.put(tag.equals("include_subdomains") ? "include-subdomains" : tag, v.asText());
      }
    }
    request(event, hostname, "");
    event.set(key, data);
  }

  /** kebab-case keys to snake_case, nulls dropped, recursively (Expect-CT's {@code scts}). */
  private static JsonNode snakeCase(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = F.objectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          out.set(e.getKey().replace('-', '_'), snakeCase(e.getValue()));
        }
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = F.arrayNode();
      node.forEach(v -> out.add(snakeCase(v)));
      return out;
    }
    return node;
  }

  /** The event's request: {@code url} and a {@code Referer} header when known. */
  static void request(ObjectNode event, String url, String referrer) {
    ObjectNode request = event.putObject("request");
    if (url != null) {
      request.put("url", url);
    }
    ArrayNode headers = request.putArray("headers");
    if (!referrer.isEmpty()) {
      headers.add(F.arrayNode().add("Referer").add(referrer));
    }
  }

  /** The browser's User-Agent (for the browser contexts and tags), Origin, and the query's release/environment. */
  private static void deliveredBy(ObjectNode event, Delivery d) {
    ArrayNode headers = (ArrayNode) event.get("request").get("headers");
    if (headers.isEmpty() && present(d.referer())) {
      headers.add(F.arrayNode().add("Referer").add(d.referer()));
    }
    if (present(d.userAgent())) {
      headers.add(F.arrayNode().add("User-Agent").add(d.userAgent()));
    }
    if (present(d.origin())) {
      headers.add(F.arrayNode().add("Origin").add(d.origin()));
    }
    if (present(d.release())) {
      event.put("release", d.release());
    }
    if (present(d.environment())) {
      event.put("environment", d.environment());
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  static Rejection invalid(String cause) {
    return new Rejection(400, "invalid security report", List.of(cause), null);
  }
}

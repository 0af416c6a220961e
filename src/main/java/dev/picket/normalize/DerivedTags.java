package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import ua_parser.Client;

/**
 * The tags the server adds, as Sentry 9.0 did (api-event-details §3.5): level, logger,
 * environment, transaction, {@code sentry:release}/{@code sentry:dist}, {@code sentry:user}
 * (id &gt; email &gt; username &gt; ip), {@code url}, the User-Agent tags, context tags and the
 * exception mechanism. A derived tag replaces a client tag with the same key.
 */
final class DerivedTags {
  private DerivedTags() {}

  static void apply(ObjectNode event, boolean sdkSentContexts, Client userAgent) {
    ArrayNode tags = (ArrayNode) event.get("tags");
    Tags.set(tags, "level", event.path("level").asText());
    Tags.set(tags, "logger", text(event, "logger"));
    Tags.set(tags, "environment", text(event, "environment"));
    Tags.set(tags, "transaction", text(event, "transaction"));
    String release = text(event, "release");
    if (release != null) {
      Tags.set(tags, "sentry:release", release);
      Tags.set(tags, "sentry:dist", text(event, "dist"));
    }
    Tags.set(tags, "sentry:user", userTag(event.path("user")));
    Tags.set(tags, "url", text(event.path("request"), "url"));
    if (!sdkSentContexts && userAgent != null) {
      Tags.set(tags, "browser", UserAgents.browserTag(userAgent));
      Tags.set(tags, "os", UserAgents.osTag(userAgent));
      Tags.set(tags, "device", UserAgents.deviceTag(userAgent));
    }
    if (sdkSentContexts) {
      contextTags(event.path("contexts"), tags);
    }
    mechanismTags(event, tags);
  }

  static String userTag(JsonNode user) {
    for (String[] k : new String[][] {
        {"id", "id"}, {"email", "email"}, {"username", "username"}, {"ip_address", "ip"}}) {
      String v = text(user, k[0]);
      if (v != null) {
        return k[1] + ":" + v;
      }
    }
    return null;
  }

  private static void contextTags(JsonNode contexts, ArrayNode tags) {
    for (Iterator<Map.Entry<String, JsonNode>> it = contexts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String alias = e.getKey();
      JsonNode c = e.getValue();
      String name = text(c, "name");
      switch (c.path("type").asText()) {
        case "browser":
        case "os":
        case "runtime":
          Tags.set(tags, alias, nameVersion(name, text(c, "version")));
          Tags.set(tags, alias + ".name", name);
          if (c.path("rooted").isBoolean()) {
            Tags.set(tags, alias + ".rooted", c.get("rooted").booleanValue() ? "yes" : "no");
          }
          break;
        case "device":
          Tags.set(tags, alias, text(c, "model"));
          Tags.set(tags, alias + ".family", text(c, "family"));
          break;
        case "app":
          Tags.set(tags, alias + ".device", text(c, "device_app_hash"));
          break;
        case "gpu":
          Tags.set(tags, alias + ".name", name);
          Tags.set(tags, alias + ".vendor", text(c, "vendor_name"));
          break;
        default:
          break;
      }
    }
  }

  private static void mechanismTags(JsonNode event, ArrayNode tags) {
    JsonNode values = event.path("exception").path("values");
    for (int i = values.size() - 1; i >= 0; i--) {
      JsonNode m = values.get(i).get("mechanism");
      if (m != null && m.isObject()) {
        Tags.set(tags, "mechanism", text(m, "type"));
        if (m.path("handled").isBoolean()) {
          Tags.set(tags, "handled", m.get("handled").booleanValue() ? "yes" : "no");
        }
        return;
      }
    }
  }

  /** "name version", or null unless both are present (Sentry skips a tag missing a field). */
  private static String nameVersion(String name, String version) {
    return name == null || version == null ? null : name + " " + version;
  }

  private static String text(JsonNode node, String key) {
    String s = Json.scalarText(node.get(key));
    return s == null || s.isEmpty() ? null : s.trim();
  }
}

package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser/OS/device from the event's own {@code request} User-Agent header (§5.10) with uap-java:
 * contexts when the SDK sent none of that kind, and Sentry 9's legacy {@code browser}/{@code os}/
 * {@code device} tag values. The parser is built once; {@link Parser#parse} is thread-safe.
 */
final class UserAgents {
  private final Parser parser;

  UserAgents() {
    this.parser = new Parser();
  }

  /** The parsed request User-Agent, or null when the event has none. */
  Client parse(ObjectNode event) {
    String ua = userAgent(event);
    if (ua == null || ua.isBlank()) {
      return null;
    }
    try {
      return parser.parse(ua);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String userAgent(ObjectNode event) {
    for (JsonNode h : event.path("request").path("headers")) {
      if ("User-Agent".equals(h.path(0).asText())) {
        return h.path(1).asText();
      }
    }
    return null;
  }

  /** Adds {@code browser}, {@code os}/{@code client_os} and {@code device} contexts if absent. */
  static void addContexts(ObjectNode event, Client c) {
    if (c == null) {
      return;
    }
    ObjectNode contexts = event.has("contexts") ? (ObjectNode) event.get("contexts") : Json.obj();
    if (!hasType(contexts, "browser") && c.userAgent != null && !"Other".equals(c.userAgent.family)) {
      ObjectNode b = Json.obj();
      b.put("name", c.userAgent.family);
      Json.putText(b, "version", version(c.userAgent.major, c.userAgent.minor, c.userAgent.patch));
      b.put("type", "browser");
      contexts.set("browser", b);
    }
    String osKey = "javascript".equals(event.path("platform").asText()) ? "os" : "client_os";
    if (!contexts.has(osKey) && !hasType(contexts, "os") && c.os != null
        && !"Other".equals(c.os.family)) {
      ObjectNode o = Json.obj();
      o.put("name", c.os.family);
      Json.putText(o, "version", version(c.os.major, c.os.minor, c.os.patch));
      o.put("type", "os");
      contexts.set(osKey, o);
    }
    if (!hasType(contexts, "device") && c.device != null && !"Other".equals(c.device.family)) {
      ObjectNode d = Json.obj();
      d.put("family", c.device.family);
      d.put("type", "device");
      contexts.set("device", d);
    }
    if (contexts.size() > 0 && !event.has("contexts")) {
      event.set("contexts", contexts);
    }
  }

  private static boolean hasType(ObjectNode contexts, String type) {
    for (JsonNode c : contexts) {
      if (type.equals(c.path("type").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Sentry 9 legacy tag: "Family major.minor", "Family major" or "Family". */
  static String browserTag(Client c) {
    return c == null || c.userAgent == null ? null
        : familyVersion(c.userAgent.family, c.userAgent.major, c.userAgent.minor);
  }

  static String osTag(Client c) {
    return c == null || c.os == null ? null : familyVersion(c.os.family, c.os.major, c.os.minor);
  }

  static String deviceTag(Client c) {
    return c == null || c.device == null ? null : c.device.family;
  }

  private static String familyVersion(String family, String major, String minor) {
    if (family == null) {
      return null;
    }
    if (major == null || major.isEmpty()) {
      return family;
    }
    return minor == null || minor.isEmpty() ? family + " " + major
        : family + " " + major + "." + minor;
  }

  private static String version(String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p == null || p.isEmpty()) {
        break;
      }
      present.add(p);
    }
    return present.isEmpty() ? null : String.join(".", present);
  }
}

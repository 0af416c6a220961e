package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser/OS/device from the event's own {@code request} User-Agent header with uap-java, as
 * Sentry 9's legacy {@code browser}/{@code os}/{@code device} tag values, and as Sentry 9.1's
 * {@code browser}/{@code os} contexts when the SDK sent contexts. The parser is built once; {@link Parser#parse} is thread-safe.
 */
final class UserAgents {
  /** Distinct User-Agents remembered; parsing one costs hundreds of regexes, a hit costs a lookup. */
  private static final int CACHE_SIZE = 2048;
  private static final int MAX_UA_CHARS = 512;

  private final Parser parser;
  private final Map<String, Client> cache = new ConcurrentHashMap<>();

  UserAgents() {
    this.parser = new Parser();
  }

  /** The parsed request User-Agent, or null when the event has none. */
  Client parse(ObjectNode event) {
    String ua = userAgent(event);
    if (ua == null || ua.isBlank()) {
      return null;
    }
    if (ua.length() > MAX_UA_CHARS) {
      ua = ua.substring(0, MAX_UA_CHARS); // real User-Agents are far shorter; bounds regex cost
    }
    Client cached = cache.get(ua);
    if (cached != null) {
      return cached;
    }
    try {
      Client parsed = parser.parse(ua);
      if (cache.size() >= CACHE_SIZE) {
        cache.clear();
      }
      cache.put(ua, parsed);
      return parsed;
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

  /**
   * Sentry 9.1's contexts from the request's User-Agent, for events whose SDK sent contexts of
   * its own: {@code browser {name, version}} and {@code os {name, version}} under those aliases
   * when the SDK used neither (family "Other" gives none). Events without any SDK context keep
   * Sentry 9.0's plugin tags instead (the seed: no contexts, {@code device: Other}).
   */
  static void addContexts(ObjectNode event, Client c) {
    if (c == null || !event.path("contexts").isObject()) {
      return;
    }
    ObjectNode contexts = (ObjectNode) event.get("contexts");
    if (c.userAgent != null && !contexts.has("browser") && known(c.userAgent.family)) {
      ObjectNode browser = contexts.putObject("browser").put("name", c.userAgent.family);
      putVersion(browser, version(c.userAgent.major, c.userAgent.minor));
      browser.put("type", "browser");
    }
    if (c.os != null && !contexts.has("os") && known(c.os.family)) {
      ObjectNode os = contexts.putObject("os").put("name", c.os.family);
      putVersion(os, version(c.os.major, c.os.minor, c.os.patch));
      os.put("type", "os");
    }
  }

  private static boolean known(String family) {
    return family != null && !family.isEmpty() && !family.equals("Other");
  }

  private static void putVersion(ObjectNode context, String version) {
    if (version != null) {
      context.put("version", version);
    }
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

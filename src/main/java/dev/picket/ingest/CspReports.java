package dev.picket.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One CSP violation (a level 2 {@code csp-report} object or a Reporting API {@code body}) as
 * Relay turns it into an event: the {@code csp} interface with snake_case keys, the message
 * ({@code Blocked 'script' from 'evil.com'}), the culprit (the violated directive with its
 * sources normalized), the tags and the request (document URI, referrer).
 */
final class CspReports {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Canonical key, then the spellings browsers use (CSP2 kebab-case, Reporting API camelCase). */
  private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("effective_directive", List.of("effective-directive", "effectiveDirective"));
    KEYS.put("blocked_uri", List.of("blocked-uri", "blockedURL", "blockedURI"));
    KEYS.put("document_uri", List.of("document-uri", "documentURL", "documentURI"));
    KEYS.put("original_policy", List.of("original-policy", "originalPolicy"));
    KEYS.put("referrer", List.of());
    KEYS.put("status_code", List.of("status-code", "statusCode"));
    KEYS.put("violated_directive", List.of("violated-directive", "violatedDirective"));
    KEYS.put("source_file", List.of("source-file", "sourceFile"));
    KEYS.put("line_number", List.of("line-number", "lineNumber"));
    KEYS.put("column_number", List.of("column-number", "columnNumber"));
    KEYS.put("script_sample", List.of("script-sample", "scriptSample", "sample"));
    KEYS.put("disposition", List.of());
  }

  private static final Set<String> NUMBERS = Set.of("status_code", "line_number", "column_number");

  /** Relay's CSP directives; a report naming none of them is invalid. */
  private static final Set<String> DIRECTIVES = Set.of("base-uri", "child-src", "connect-src",
      "default-src", "fenced-frame-src", "font-src", "form-action", "frame-ancestors", "frame-src",
      "img-src", "manifest-src", "media-src", "object-src", "plugin-types", "prefetch-src", "referrer",
      "script-src", "script-src-attr", "script-src-elem", "style-src", "style-src-elem",
      "style-src-attr", "upgrade-insecure-requests", "worker-src", "sandbox", "navigate-to",
      "report-uri", "report-to", "block-all-mixed-content", "require-sri-for",
      "require-trusted-types-for", "trusted-types");

  /** Directive → {message for a local (inline) violation, message template for a blocked URI}. */
  private static final Map<String, String[]> MESSAGES = Map.ofEntries(
      Map.entry("child-src", new String[] {"Blocked inline 'child'", "Blocked 'child' from '%s'"}),
      Map.entry("connect-src", new String[] {"Blocked inline 'connect'", "Blocked 'connect' from '%s'"}),
      Map.entry("font-src", new String[] {"Blocked inline 'font'", "Blocked 'font' from '%s'"}),
      Map.entry("form-action", new String[] {"Blocked inline 'form-action'", "Blocked 'form' action to '%s'"}),
      Map.entry("img-src", new String[] {"Blocked inline 'image'", "Blocked 'image' from '%s'"}),
      Map.entry("manifest-src", new String[] {"Blocked inline 'manifest'", "Blocked 'manifest' from '%s'"}),
      Map.entry("media-src", new String[] {"Blocked inline 'media'", "Blocked 'media' from '%s'"}),
      Map.entry("object-src", new String[] {"Blocked inline 'object'", "Blocked 'object' from '%s'"}),
      Map.entry("script-src", new String[] {"Blocked unsafe (eval() or inline) 'script'",
          "Blocked 'script' from '%s'"}),
      Map.entry("script-src-attr", new String[] {"Blocked unsafe 'script' element",
          "Blocked inline script attribute from '%s'"}),
      Map.entry("script-src-elem", new String[] {"Blocked inline script attribute",
          "Blocked 'script' from '%s'"}),
      Map.entry("style-src", new String[] {"Blocked inline 'style'", "Blocked 'style' from '%s'"}),
      Map.entry("style-src-elem", new String[] {"Blocked 'style' or 'link' element",
          "Blocked 'style' from '%s'"}),
      Map.entry("style-src-attr", new String[] {"Blocked style attribute",
          "Blocked style attribute from '%s'"}));

  private CspReports() {}

  /** Fills {@code event} from one violation; throws 400 for a report Relay would refuse. */
  static void apply(JsonNode report, ObjectNode event) {
    if (!report.isObject()) {
      throw SecurityReports.invalid("a CSP report must be an object");
    }
    ObjectNode csp = canonical(report);
    String directive = directive(csp);
    csp.put("effective_directive", directive);
    String blocked = csp.get("blocked_uri").asText();
    String document = csp.path("document_uri").asText("");
    event.putObject("logentry").put("formatted", message(directive, blocked));
    event.put("culprit", culprit(csp.get("violated_directive").asText(), document));
    ObjectNode tags = event.putObject("tags");
    tags.put("effective-directive", directive);
    tags.put("blocked-uri", withoutStripeQuery(blocked));
    String host = httpHost(blocked);
    if (host != null) {
      tags.put("blocked-host", host);
    }
    SecurityReports.request(event, csp.hasNonNull("document_uri") ? document : null,
        csp.path("referrer").asText(""));
    event.set("csp", csp);
  }

  private static ObjectNode canonical(JsonNode report) {
    ObjectNode csp = F.objectNode();
    Set<String> known = new java.util.HashSet<>();
    KEYS.forEach((key, aliases) -> {
      known.add(key);
      known.addAll(aliases);
      JsonNode value = report.get(key);
      for (int i = 0; (value == null || value.isNull()) && i < aliases.size(); i++) {
        value = report.get(aliases.get(i));
      }
      if (value != null && !value.isNull()) {
        csp.set(key, NUMBERS.contains(key) ? number(key, value) : text(key, value));
      } else if (key.equals("blocked_uri")) {
        csp.put(key, "self");
      } else if (key.equals("violated_directive")) {
        csp.put(key, "");
      }
    });
    report.fields().forEachRemaining(e -> {
      if (!known.contains(e.getKey()) && !e.getValue().isNull()) {
        csp.set(e.getKey(), e.getValue());
      }
    });
    return csp;
  }

  private static JsonNode text(String key, JsonNode value) {
    if (!value.isTextual()) {
      throw SecurityReports.invalid("'" + key + "' must be a string");
    }
    return value;
  }

  private static JsonNode number(String key, JsonNode value) {
    try {
      if (value.isIntegralNumber() && value.asLong() >= 0) {
        return F.numberNode(value.asLong());
      }
      if (value.isTextual()) {
        return F.numberNode(Long.parseUnsignedLong(value.textValue().strip()));
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw SecurityReports.invalid("'" + key + "' must be a non-negative integer");
  }

  /** The effective directive, else the violated one (Firefox sends only that); first word only. */
  private static String directive(ObjectNode csp) {
    for (String key : new String[] {"effective_directive", "violated_directive"}) {
      String d = firstWord(csp.path(key).asText(""));
      if (DIRECTIVES.contains(d)) {
        return d;
      }
    }
    throw SecurityReports.invalid("no known CSP directive in effective_directive or violated_directive");
  }

  static String message(String directive, String blocked) {
    if (directive.equals("script-src") && blocked.equals("inline")) {
      return "Blocked unsafe inline 'script'";
    }
    if (directive.equals("script-src") && blocked.equals("eval")) {
      return "Blocked unsafe eval() 'script'";
    }
    String[] texts = MESSAGES.get(directive);
    if (isLocal(blocked)) {
      return texts != null ? texts[0] : "Blocked inline '" + directive + "'";
    }
    String uri = normalizeUri(blocked);
    return texts != null ? String.format(texts[1], uri) : "Blocked '" + directive + "' from '" + uri + "'";
  }

  /** The violated directive with each source normalized, the document's own origin as 'self'. */
  static String culprit(String violated, String documentUri) {
    String[] bits = violated.strip().split("\\s+");
    if (bits[0].isEmpty()) {
      return "";
    }
    String document = normalizeUri(documentUri);
    StringBuilder out = new StringBuilder(bits[0]);
    for (int i = 1; i < bits.length; i++) {
      out.append(' ').append(normalizeValue(bits[i], document, documentUri));
    }
    return out.toString();
  }

  private static String normalizeValue(String value, String document, String documentUri) {
    if (Set.of("'none'", "'self'", "'unsafe-inline'", "'unsafe-eval'").contains(value)) {
      return value;
    }
    for (String scheme : new String[] {"data:", "mediastream:", "blob:", "filesystem:", "http:", "https:", "file:"}) {
      if (value.startsWith(scheme)) {
        return document.equals(normalizeUri(value)) ? "'self'" : value;
      }
    }
    if (value.equals(document)) {
      return "'self'";
    }
    int colon = documentUri.indexOf(':');
    String scheme = colon < 0 ? null : documentUri.substring(0, colon);
    return scheme == null || scheme.equals("http") || scheme.equals("https") ? value : unsplit(scheme, value);
  }

  static boolean isLocal(String uri) {
    return uri.isEmpty() || uri.equals("self") || uri.equals("'self'");
  }

  /** Relay's {@code normalize_uri}: 'self', the host[:port] of web URLs, {@code scheme:} or {@code scheme://host} else. */
  static String normalizeUri(String value) {
    if (isLocal(value)) {
      return "'self'";
    }
    if (value.indexOf(':') < 0) {
      return unsplit(value, "");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return value;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String normalized = scheme.equals("http") || scheme.equals("https") ? host : unsplit(scheme, host);
    boolean defaultPort = (scheme.equals("http") && uri.getPort() == 80)
        || (scheme.equals("https") && uri.getPort() == 443);
    return uri.getPort() >= 0 && !defaultPort ? normalized + ":" + uri.getPort() : normalized;
  }

  /** Python's urlunsplit for (scheme, host), as Relay mimics it. */
  private static String unsplit(String scheme, String host) {
    if (!host.isEmpty() || Set.of("ftp", "http", "https", "file", "ws", "wss", "sftp", "git").contains(scheme)) {
      return scheme + "://" + host;
    }
    return scheme.isEmpty() ? "" : scheme + ":" + host;
  }

  private static String httpHost(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Relay's work-around for Stripe URLs that carry secrets in the query. */
  private static String withoutStripeQuery(String uri) {
    if (uri.startsWith("https://api.stripe.com/")) {
      int cut = uri.replace('#', '?').indexOf('?');
      return cut < 0 ? uri : uri.substring(0, cut);
    }
    return uri;
  }

  private static String firstWord(String s) {
    return s.strip().split("\\s+", 2)[0];
  }
}

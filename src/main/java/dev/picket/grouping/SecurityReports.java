package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.net.URI;

/**
 * Security-report components (variant {@code default}): CSP by effective directive plus the
 * local-script violation type or the normalized blocked URI; HPKP, Expect-CT and Expect-Staple by
 * a salt plus the reported hostname.
 */
final class SecurityReports {
  private static final String LOCAL = "'self'";

  private SecurityReports() {}

  static GroupingComponent csp(JsonNode csp) {
    String directive = effectiveDirective(csp);
    String blocked = normalizeUri(text(csp, "blocked_uri"));
    GroupingComponent violation = new GroupingComponent("violation");
    GroupingComponent uri = new GroupingComponent("uri");
    String local = localScriptViolation(csp, directive, blocked);
    if (local != null) {
      violation.setValues(List.of("'" + local + "'"));
      uri.setValues(List.of(blocked)).update(false, "violation takes precedence");
    } else {
      violation.update(false, "not a local script violation");
      uri.setValues(List.of(blocked));
    }
    GroupingComponent salt = GroupingComponent.leaf("salt", directive);
    return new GroupingComponent("csp", List.of(salt, violation, uri));
  }

  static GroupingComponent hostReport(String id, JsonNode report) {
    GroupingComponent salt = GroupingComponent.leaf("salt", id);
    GroupingComponent hostname = GroupingComponent.leaf("hostname", text(report, "hostname"));
    return new GroupingComponent(id, List.of(salt, hostname));
  }

  private static String effectiveDirective(JsonNode csp) {
    String d = text(csp, "effective_directive");
    if (d == null) {
      d = text(csp, "violated_directive");
      if (d != null) {
        d = d.strip().split("\\s+")[0];
      }
    }
    return d;
  }

  private static String localScriptViolation(JsonNode csp, String directive, String blocked) {
    String violated = text(csp, "violated_directive");
    if (violated != null && "script-src".equals(directive) && LOCAL.equals(blocked)) {
      if (violated.contains("'unsafe-inline'")) {
        return "unsafe-inline";
      }
      if (violated.contains("'unsafe-eval'")) {
        return "unsafe-eval";
      }
    }
    return null;
  }

  /** Blocked URIs by origin: {@code 'self'} for local, {@code scheme:} for data/blob/..., else the host. */
  static String normalizeUri(String value) {
    if (value == null || value.isEmpty() || value.equals(LOCAL) || value.equals("self")) {
      return LOCAL;
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      return value;
    }
    String scheme = value.substring(0, colon);
    String host = "";
    try {
      URI u = URI.create(value.replace(" ", "%20"));
      host = u.getRawAuthority() == null ? "" : u.getRawAuthority();
    } catch (IllegalArgumentException e) {
      String rest = value.substring(colon + 1);
      if (rest.startsWith("//")) {
        host = rest.substring(2).split("[/?#]", 2)[0];
      }
    }
    if (host.isEmpty()) {
      return scheme + ":";
    }
    return scheme.equals("http") || scheme.equals("https") ? host : scheme + "://" + host;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.net.URI;

/**
 * Security-report components (variant {@code default}): CSP by effective directive plus the
 * local-script violation type or the normalized blocked URI; HPKP, Expect-CT and Expect-Staple by
 * a salt plus the reported hostname.
 */
final class SecurityReports {
  private static final String LOCAL = "'self'";
  private static final Set<String> USES_NETLOC = Set.of("ftp", "http", "gopher", "nntp", "telnet",
      "imap", "wais", "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync",
      "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss");

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

  /** Sentry's {@code _normalize_uri}: {@code 'self'} for local, the host of web URLs, {@code scheme:} or {@code scheme://host} else. */
  static String normalizeUri(String value) {
    if (value == null || value.isEmpty() || value.equals(LOCAL) || value.equals("self")) {
      return LOCAL;
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      return unsplit(value, "");
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
    return scheme.equals("http") || scheme.equals("https") ? host : unsplit(scheme, host);
  }

  /**
   * Python's {@code urlunsplit((scheme, host, "", None, None))} as Sentry calls it: browsers
   * report bare schemes ({@code data}, {@code blob}), which become {@code data:}; schemes that
   * take a host keep {@code //} even without one.
   */
  private static String unsplit(String scheme, String host) {
    if (!host.isEmpty() || USES_NETLOC.contains(scheme)) {
      return scheme + "://" + host;
    }
    return scheme.isEmpty() ? "" : scheme + ":";
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}

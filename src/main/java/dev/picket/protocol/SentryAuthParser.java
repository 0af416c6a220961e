package dev.picket.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Sentry credentials from the places SDKs put them (spec §1.3). Every method returns empty
 * when its source is absent and throws {@link ProtocolException} when it is present but malformed:
 * 401 {@code bad x-sentry-auth header}, or 400 {@code unsupported protocol version (N)} above 7.
 */
public final class SentryAuthParser {
  static final String BAD_AUTH = "bad x-sentry-auth header";
  private static final String PREFIX = "sentry";

  private SentryAuthParser() {}

  /**
   * Parses a {@code Sentry k=v, k=v} header value. The prefix is case-insensitive; pieces are
   * split at commas and trimmed, pieces without {@code =} and unknown keys (e.g. {@code
   * sentry_timestamp}) are ignored, a value ends at a second {@code =}. Null or blank → empty.
   */
  public static Optional<SentryAuth> parseHeader(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    int space = text.indexOf(' ');
    String prefix = space < 0 ? text : text.substring(0, space);
    if (!prefix.equalsIgnoreCase(PREFIX)) {
      throw ProtocolException.unauthorized(BAD_AUTH);
    }
    Map<String, String> pairs = new HashMap<>();
    for (String piece : (space < 0 ? "" : text.substring(space + 1)).split(",")) {
      String[] kv = piece.split("=", -1);
      if (kv.length >= 2) {
        pairs.put(kv[0].trim(), kv[1].trim());
      }
    }
    return Optional.of(toAuth(pairs));
  }

  /**
   * Reads credentials from query parameters ({@code sentry_key}, {@code sentry_version}, {@code
   * sentry_client}, {@code sentry_secret}; first value wins). Empty unless {@code sentry_key} is
   * present.
   */
  public static Optional<SentryAuth> fromQuery(Map<String, List<String>> query) {
    if (query == null || !query.containsKey("sentry_key")) {
      return Optional.empty();
    }
    Map<String, String> pairs = new HashMap<>();
    query.forEach((key, values) -> {
      if (values != null && !values.isEmpty() && values.get(0) != null) {
        pairs.put(key, values.get(0).trim());
      }
    });
    return Optional.of(toAuth(pairs));
  }

  /**
   * Resolves the request's credentials from {@code X-Sentry-Auth}, then {@code Authorization:
   * Sentry ...} (other schemes are ignored), then the query string. Several sources naming the
   * same key are accepted (the first wins); different keys → 401 {@code multiple authorization
   * payloads detected}. None → empty: the caller tries the envelope header {@code dsn} or answers
   * 401 {@code missing authorization information}.
   */
  public static Optional<SentryAuth> resolve(
      String xSentryAuth, String authorization, Map<String, List<String>> query) {
    List<SentryAuth> found = new ArrayList<>(3);
    parseHeader(xSentryAuth).ifPresent(found::add);
    if (isSentryScheme(authorization)) {
      parseHeader(authorization).ifPresent(found::add);
    }
    fromQuery(query).ifPresent(found::add);
    if (found.stream().map(SentryAuth::publicKey).distinct().count() > 1) {
      throw ProtocolException.unauthorized("multiple authorization payloads detected");
    }
    return found.stream().findFirst();
  }

  private static boolean isSentryScheme(String authorization) {
    if (authorization == null) {
      return false;
    }
    String text = authorization.trim().toLowerCase(Locale.ROOT);
    return text.startsWith(PREFIX + " ") || text.equals(PREFIX);
  }

  private static SentryAuth toAuth(Map<String, String> pairs) {
    String key = pairs.get("sentry_key");
    if (key == null || key.isEmpty()) {
      throw ProtocolException.unauthorized(BAD_AUTH);
    }
    int version = parseVersion(pairs.get("sentry_version"));
    if (version > SentryAuth.LATEST_VERSION) {
      throw ProtocolException.badRequest("unsupported protocol version (" + version + ")");
    }
    return new SentryAuth(key, version, emptyToNull(pairs.get("sentry_client")),
        emptyToNull(pairs.get("sentry_secret")));
  }

  private static int parseVersion(String text) {
    if (text == null) {
      return SentryAuth.LATEST_VERSION;
    }
    int dot = text.indexOf('.');
    String major = dot < 0 ? text : text.substring(0, dot);
    boolean digits = major.chars().allMatch(c -> c >= '0' && c <= '9');
    if (major.isEmpty() || major.length() > 5 || !digits) {
      throw ProtocolException.unauthorized(BAD_AUTH);
    }
    return Integer.parseInt(major);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

package dev.picket.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A Sentry DSN: {@code
 * {scheme}://{public_key}[:{secret}]@{host}[:{port}]{path_prefix}/{project_id}}.
 *
 * @param baseUrl the public server URL without credentials and without trailing slash, e.g. {@code
 *     https://errors.example.com/tracker}; it keeps the path prefix
 * @param publicKey the public key (URL user name), non-empty
 * @param secretKey the legacy secret key (URL password), or {@code null}; servers ignore it
 * @param projectId the project id (last path segment), positive
 */
public record Dsn(String baseUrl, String publicKey, String secretKey, long projectId) {

  /** Validates every part; throws {@link IllegalArgumentException} when one is malformed. */
  public Dsn {
    baseUrl = normalizeBaseUrl(baseUrl);
    if (publicKey == null || publicKey.isEmpty() || !isKeyText(publicKey)) {
      throw new IllegalArgumentException("DSN public key must be non-empty URL-safe text");
    }
    if (secretKey != null && (secretKey.isEmpty() || !isKeyText(secretKey))) {
      throw new IllegalArgumentException("DSN secret key must be non-empty URL-safe text");
    }
    if (projectId <= 0) {
      throw new IllegalArgumentException("DSN project id must be positive");
    }
  }

  /** Builds the DSN that SDKs use for {@code baseUrl} (path prefix kept), without secret key. */
  public static Dsn of(String baseUrl, String publicKey, long projectId) {
    return new Dsn(baseUrl, publicKey, null, projectId);
  }

  /**
   * Parses a DSN string. Returns empty when the text is not an http(s) URL with a non-empty user
   * name and a numeric last path segment; query and fragment are ignored.
   */
  public static Optional<Dsn> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.trim());
      String userInfo = uri.getRawUserInfo();
      String path = trimSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
      if (userInfo == null || uri.getHost() == null || path.isEmpty()) {
        return Optional.empty();
      }
      int slash = path.lastIndexOf('/');
      long projectId = Long.parseLong(path.substring(slash + 1));
      String prefix = slash < 0 ? "" : "/" + path.substring(0, slash);
      String hostPort = uri.getRawAuthority().substring(userInfo.length() + 1);
      String base = uri.getScheme() + "://" + hostPort;
      int colon = userInfo.indexOf(':');
      String key = colon < 0 ? userInfo : userInfo.substring(0, colon);
      String secret = colon < 0 ? null : userInfo.substring(colon + 1);
      return Optional.of(new Dsn(base + prefix, key, secret, projectId));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The DSN string, e.g. {@code https://KEY@errors.example.com/tracker/42}. */
  public String format() {
    int schemeEnd = baseUrl.indexOf("://") + 3;
    String credentials = secretKey == null ? publicKey : publicKey + ":" + secretKey;
    return baseUrl.substring(0, schemeEnd) + credentials + "@" + baseUrl.substring(schemeEnd)
        + "/" + projectId;
  }

  /** The ingestion URL of one endpoint, e.g. {@code envelope} → {@code {base}/api/42/envelope/}. */
  public String ingestUrl(String endpoint) {
    return baseUrl + "/api/" + projectId + "/" + endpoint + "/";
  }

  @Override
  public String toString() {
    return "Dsn[" + baseUrl + ", project " + projectId + "]";
  }

  private static String normalizeBaseUrl(String baseUrl) {
    if (baseUrl == null) {
      throw new IllegalArgumentException("base URL is required");
    }
    try {
      URI uri = new URI(trimTrailingSlashes(baseUrl.trim()));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getRawUserInfo() == null && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
      if (!valid) {
        throw new IllegalArgumentException("base URL must be http(s)://host[:port][/prefix]");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      return scheme + "://" + uri.getRawAuthority() + path;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("base URL is not a valid URL", e);
    }
  }

  private static boolean isKeyText(String s) {
    return s.chars().allMatch(c -> c > ' ' && c < 127 && "@:/?#".indexOf(c) < 0);
  }

  private static String trimSlashes(String s) {
    int start = 0;
    while (start < s.length() && s.charAt(start) == '/') {
      start++;
    }
    return trimTrailingSlashes(s.substring(start));
  }

  private static String trimTrailingSlashes(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }
}

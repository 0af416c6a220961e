package dev.picket.protocol;

/**
 * Credentials an SDK sent with a request ({@code X-Sentry-Auth}, {@code Authorization: Sentry} or
 * the query string).
 *
 * @param publicKey {@code sentry_key}, non-empty
 * @param version {@code sentry_version} (major part), 7 when absent; raven clients send 5 or 6
 * @param client {@code sentry_client} such as {@code sentry.java/8.63.0}, or {@code null}
 * @param secret legacy {@code sentry_secret}, or {@code null}; accepted and ignored
 */
public record SentryAuth(String publicKey, int version, String client, String secret) {

  /** The version assumed when an SDK sends none, and the newest one accepted. */
  public static final int LATEST_VERSION = 7;

  /** Requires a non-empty public key and a non-negative version. */
  public SentryAuth {
    if (publicKey == null || publicKey.isEmpty()) {
      throw new IllegalArgumentException("sentry_key must be non-empty");
    }
    if (version < 0) {
      throw new IllegalArgumentException("sentry_version must not be negative");
    }
  }

  @Override
  public String toString() {
    return "SentryAuth[key=" + publicKey + ", version=" + version + ", client=" + client + "]";
  }
}

package dev.picket.ingest;

import java.util.List;

/**
 * Why ingest refused a request, with the status Relay gives for it. The HTTP layer maps it once
 * to {@code {"detail": ..., "causes": [...]}} plus {@code Retry-After} when set.
 */
public class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> causes;
  private final Integer retryAfterSeconds;
  private final String rateLimits;

  public Rejection(int status, String detail, List<String> causes, Integer retryAfterSeconds) {
    this(status, detail, causes, retryAfterSeconds, null);
  }

  private Rejection(int status, String detail, List<String> causes, Integer retryAfterSeconds,
      String rateLimits) {
    super(detail);
    this.status = status;
    this.causes = List.copyOf(causes);
    this.retryAfterSeconds = retryAfterSeconds;
    this.rateLimits = rateLimits;
  }

  public static Rejection of(int status, String detail) {
    return new Rejection(status, detail, List.of(), null);
  }

  public static Rejection missingAuth() {
    return of(401, "missing authorization information");
  }

  public static Rejection projectRejected() {
    return of(403, "event submission rejected with_reason: ProjectId");
  }

  public static Rejection tooLarge(String type) {
    return of(413, "envelope exceeded size limits for type '" + type + "'");
  }

  /**
   * A quota hit, answered as Relay does: 429 with {@code Retry-After} and {@code
   * X-Sentry-Rate-Limits: <seconds>:<categories>:<scope>:<reason>} so that SDKs back off.
   */
  public static Rejection rateLimited(int retryAfterSeconds, String scope, String reason) {
    return new Rejection(429, "Sentry dropped data due to a quota or internal rate limit being reached."
        + " This will not affect your application.", List.of(), retryAfterSeconds,
        retryAfterSeconds + ":error;default;security:" + scope + ":" + reason);
  }

  public static Rejection overloaded() {
    return new Rejection(503, "the service is overloaded", List.of(), 1);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public List<String> causes() {
    return causes;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The {@code X-Sentry-Rate-Limits} value, or null when this is not a quota rejection. */
  public String rateLimits() {
    return rateLimits;
  }
}

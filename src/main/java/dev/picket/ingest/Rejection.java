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

  public Rejection(int status, String detail, List<String> causes, Integer retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.causes = List.copyOf(causes);
    this.retryAfterSeconds = retryAfterSeconds;
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
}

package dev.picket.admin;

/**
 * An organization-API request refused for a reason the requester can fix: answered with the
 * status and {@code {field: message}} ({@code detail} unless Sentry names a field).
 */
public class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String field;

  public Refused(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static Refused badRequest(String detail) {
    return new Refused(400, "detail", detail);
  }

  public static Refused conflict(String detail) {
    return new Refused(409, "detail", detail);
  }

  public static Refused forbidden(String detail) {
    return new Refused(403, "detail", detail);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}

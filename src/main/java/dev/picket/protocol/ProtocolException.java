package dev.picket.protocol;

import java.util.List;

/**
 * The single typed error of the protocol package: an HTTP status, a short {@code detail} and an
 * optional list of {@code causes}, rendered by the HTTP layer as {@code {"detail": ..., "causes":
 * [...]}}. Messages never contain payload bytes or credentials.
 */
public final class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String detail;
  private final List<String> causes;

  /** Creates an error with the given HTTP status, detail and causes (copied). */
  public ProtocolException(int status, String detail, List<String> causes) {
    this(status, detail, causes, null);
  }

  /** As {@link #ProtocolException(int, String, List)}, chaining a technical cause for logs. */
  public ProtocolException(int status, String detail, List<String> causes, Throwable cause) {
    super(message(detail, causes), cause);
    this.status = status;
    this.detail = detail;
    this.causes = List.copyOf(causes);
  }

  /** 400 with the given detail and causes. */
  public static ProtocolException badRequest(String detail, String... causes) {
    return new ProtocolException(400, detail, List.of(causes));
  }

  /** 401 with the given detail. */
  public static ProtocolException unauthorized(String detail) {
    return new ProtocolException(401, detail, List.of());
  }

  /** 413 with the given detail. */
  public static ProtocolException tooLarge(String detail) {
    return new ProtocolException(413, detail, List.of());
  }

  /** The HTTP status to answer with (400, 401, 413 ...). */
  public int status() {
    return status;
  }

  /** The human-readable summary, e.g. {@code invalid event envelope}. */
  public String detail() {
    return detail;
  }

  /** More specific reasons, e.g. {@code unexpected end of file}; possibly empty, never null. */
  public List<String> causes() {
    return causes;
  }

  private static String message(String detail, List<String> causes) {
    return causes.isEmpty() ? detail : detail + ": " + String.join("; ", causes);
  }
}

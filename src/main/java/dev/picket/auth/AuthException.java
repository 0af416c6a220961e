package dev.picket.auth;

/**
 * A refused API request, with Sentry's exact status and detail text. 401 means "who are you?",
 * 403 "you may not".
 */
public class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
  public static final String FORBIDDEN = "You do not have permission to perform this action.";

  private final int status;

  public AuthException(int status, String detail) {
    super(detail);
    this.status = status;
  }

  public static AuthException unauthenticated(String detail) {
    return new AuthException(401, detail);
  }

  public static AuthException forbidden() {
    return new AuthException(403, FORBIDDEN);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }
}

package dev.picket.model;

/** A requested resource that does not exist (or that the requester may not know exists). */
public class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final String RESOURCE = "The requested resource does not exist";

  public NotFound(String detail) {
    super(detail);
  }

  public static NotFound resource() {
    return new NotFound(RESOURCE);
  }

  public String detail() {
    return getMessage();
  }
}

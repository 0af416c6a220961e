package dev.picket.http;

/** A web-API request whose parameters or body are invalid: answered 400 with the message. */
public class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRequest(String detail) {
    super(detail);
  }
}

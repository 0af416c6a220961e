package dev.picket.releases;

/** An upload that cannot be accepted (bad checksum, not gzip, too large): answered 400. */
public class InvalidUpload extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidUpload(String detail) {
    super(detail);
  }

  public String detail() {
    return getMessage();
  }
}

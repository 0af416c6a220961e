package dev.picket.issues;

/** An issue-API request whose parameters or body make no sense: answered 400 with the detail. */
public class InvalidIssueRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidIssueRequest(String detail) {
    super(detail);
  }

  public String detail() {
    return getMessage();
  }
}

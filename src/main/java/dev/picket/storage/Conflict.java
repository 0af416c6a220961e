package dev.picket.storage;

/** A write refused because a unique name (slug, email ...) is already taken. */
public class Conflict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Conflict(String message) {
    super(message);
  }
}

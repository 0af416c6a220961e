package dev.picket.storage;

/** A database failure that the caller cannot repair (connection lost, disk full ...). */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

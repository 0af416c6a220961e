package dev.picket.config;

/** A setting with a bad value; the message names the variable. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}

package dev.picket.model;

/** One of an event's tags as stored: the key keeps Sentry's {@code sentry:} prefix. */
public record EventTag(String key, String value) {
  public static final String RELEASE = "sentry:release";
  public static final String USER = "sentry:user";
  public static final String ENVIRONMENT = "environment";

  public EventTag {
    if (key == null || value == null) {
      throw new IllegalArgumentException("a tag needs a key and a value");
    }
  }
}

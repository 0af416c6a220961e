package dev.picket.model;

/**
 * What an event says about the issue it belongs to: written on creation, refreshed by later
 * events. {@code metadata} is a JSON object as text. NUL characters, which SDK data may carry but
 * PostgreSQL text cannot hold, are replaced by U+FFFD so every backend stores the same summary.
 */
public record IssueSummary(
    String title, String culprit, String level, String type, String metadata, String logger) {
  public IssueSummary {
    title = withoutNul(title);
    culprit = withoutNul(culprit);
    level = withoutNul(level);
    type = withoutNul(type);
    metadata = withoutNul(metadata);
    logger = withoutNul(logger);
  }

  /** The text with every NUL character replaced by U+FFFD; null stays null. */
  public static String withoutNul(String text) {
    return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
  }
}

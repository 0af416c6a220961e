package dev.picket.issues;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The body of an issue PUT, as Sentry reads it: {@code status} (also the shorthand
 * {@code resolvedInNextRelease}), {@code statusDetails} ({@code inNextRelease}, {@code inRelease},
 * {@code ignoreCount}, {@code ignoreUserCount}, {@code ignoreUntil}, {@code ignoreDuration} in
 * minutes) and {@code merge}. Other fields (bookmarks, subscriptions, seen) are accepted and ignored.
 */
public record IssueUpdate(
    String status,
    boolean inNextRelease,
    String inRelease,
    Long ignoreCount,
    Long ignoreUserCount,
    Instant ignoreUntil,
    Long ignoreDurationMinutes,
    boolean merge) {

  public static IssueUpdate parse(JsonNode body) {
    if (!body.isObject()) {
      throw new InvalidIssueRequest("Invalid request body");
    }
    String status = body.hasNonNull("status") ? body.get("status").asText() : null;
    JsonNode details = body.path("statusDetails");
    boolean nextRelease = details.path("inNextRelease").asBoolean(false);
    if ("resolvedInNextRelease".equals(status)) {
      status = "resolved";
      nextRelease = true;
    }
    if ("muted".equals(status)) {
      status = "ignored"; // the old name, still a valid choice in Sentry; sentry-cli's issues mute sends it
    }
    if (status != null && !status.equals("resolved") && !status.equals("unresolved") && !status.equals("ignored")) {
      throw new InvalidIssueRequest("\"" + status + "\" is not a valid choice for status");
    }
    return new IssueUpdate(status, nextRelease,
        details.hasNonNull("inRelease") ? details.get("inRelease").asText() : null,
        positive(details, "ignoreCount"), positive(details, "ignoreUserCount"),
        date(details.path("ignoreUntil")), positive(details, "ignoreDuration"),
        body.path("merge").asBoolean(false) || "1".equals(body.path("merge").asText()));
  }

  private static Long positive(JsonNode details, String field) {
    JsonNode value = details.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToLong() && !value.isTextual() || value.asLong(0) <= 0) {
      throw new InvalidIssueRequest(field + " must be a positive integer");
    }
    return value.asLong();
  }

  private static Instant date(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      String text = value.asText();
      return OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z")
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidIssueRequest("ignoreUntil must be a date");
    }
  }
}

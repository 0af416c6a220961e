package dev.picket.model;

import java.util.Objects;

/**
 * User feedback about an event, from a {@code user_report} or {@code feedback} envelope item or
 * the {@code user-feedback} endpoint. {@code name}, {@code email} and {@code comments} are never
 * null (empty when not given); NUL characters become U+FFFD, as in {@link IssueSummary}.
 */
public record NewUserReport(EventId eventId, String name, String email, String comments) {
  public NewUserReport {
    Objects.requireNonNull(eventId, "eventId");
    name = name == null ? "" : IssueSummary.withoutNul(name);
    email = email == null ? "" : IssueSummary.withoutNul(email);
    comments = comments == null ? "" : IssueSummary.withoutNul(comments);
  }
}

package dev.picket.model;

import java.time.Instant;

/**
 * What a new event does to an existing issue's status; the writer applies the answer in the same
 * transaction as the event.
 *
 * <ul>
 *   <li>Unresolved stays unresolved.
 *   <li>Resolved without a release condition: any event is a regression.
 *   <li>Resolved in the next release (the project's newest release when it was resolved): only an
 *       event from a newer release is a regression.
 *   <li>Resolved in release X: an event from X or a newer release is a regression (X was meant to
 *       carry the fix); older releases are the known-broken ones.
 *   <li>In both release cases an event without a release does not reopen (as Sentry: "no release"
 *       counts as older).
 *   <li>Ignored: reopens once the date has passed, the event count reached its target or the user
 *       count reached its target; ignored without a condition stays ignored.
 * </ul>
 *
 * <p>"Newer" is release first-seen order within the project (the order in which the project first
 * received an event naming the release, or in which a resolution first named it), not version
 * semantics: it needs no version scheme and matches Sentry's use of the release's creation date.
 */
public final class IssueLifecycle {
  /** The issue as the writer sees it after counting the event. */
  public record State(
      String status,
      StatusChange.Resolution resolution,
      Long resolutionReleaseOrder,
      Instant ignoreUntil,
      Long ignoreCountTarget,
      Long ignoreUsersTarget,
      long timesSeen,
      long userCount) {}

  /** What the writer does to the issue. */
  public enum Outcome {
    KEEP,
    /** The issue was resolved: back to unresolved, recorded as a regression. */
    REGRESSION,
    /** The ignore condition passed: back to unresolved. */
    UNIGNORE
  }

  private IssueLifecycle() {}

  /**
   * @param releaseOrder the first-seen order of the event's release in the project, null when the
   *     event has none
   * @param now the moment the event was received
   */
  public static Outcome onEvent(State issue, Long releaseOrder, Instant now) {
    switch (issue.status()) {
      case "resolved":
        return stillResolved(issue, releaseOrder) ? Outcome.KEEP : Outcome.REGRESSION;
      case "ignored":
        return ignoreHasPassed(issue, now) ? Outcome.UNIGNORE : Outcome.KEEP;
      default:
        return Outcome.KEEP;
    }
  }

  private static boolean stillResolved(State issue, Long releaseOrder) {
    if (issue.resolution() == null) {
      return false;
    }
    if (releaseOrder == null || issue.resolutionReleaseOrder() == null) {
      return true;
    }
    return issue.resolution() == StatusChange.Resolution.IN_NEXT_RELEASE
        ? releaseOrder <= issue.resolutionReleaseOrder()
        : releaseOrder < issue.resolutionReleaseOrder();
  }

  private static boolean ignoreHasPassed(State issue, Instant now) {
    return (issue.ignoreUntil() != null && !now.isBefore(issue.ignoreUntil()))
        || (issue.ignoreCountTarget() != null && issue.timesSeen() >= issue.ignoreCountTarget())
        || (issue.ignoreUsersTarget() != null && issue.userCount() >= issue.ignoreUsersTarget());
  }

  /** The status as of {@code now}: an issue ignored until a date that has passed is unresolved. */
  public static String effectiveStatus(Issue issue, Instant now) {
    if ("ignored".equals(issue.status()) && issue.ignoreUntil() != null
        && !now.isBefore(issue.ignoreUntil())) {
      return "unresolved";
    }
    return issue.status();
  }
}

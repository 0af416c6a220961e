package dev.picket.model;

import java.time.Instant;

/**
 * A status update decided by the issue service, applied as it is by the store. {@code details} is
 * the statusDetails JSON object shown by the API. For {@code resolved}: {@code resolution} is
 * {@code null} (resolved now: any new event is a regression), {@code IN_NEXT_RELEASE} or
 * {@code IN_RELEASE} with {@code release}. For {@code ignored}: {@code ignoreUntil},
 * {@code ignoreCount} (more events) and {@code ignoreUserCount} (more users), each optional; none
 * means forever.
 */
public record StatusChange(
    String status,
    String details,
    Resolution resolution,
    String release,
    Instant ignoreUntil,
    Long ignoreCount,
    Long ignoreUserCount) {

  /** How a resolved issue waits for a release. */
  public enum Resolution {
    IN_NEXT_RELEASE("in_next_release"),
    IN_RELEASE("in_release");

    private final String stored;

    Resolution(String stored) {
      this.stored = stored;
    }

    public String stored() {
      return stored;
    }

    public static Resolution ofStored(String stored) {
      for (Resolution r : values()) {
        if (r.stored.equals(stored)) {
          return r;
        }
      }
      return null;
    }
  }

  public static StatusChange simple(String status) {
    return new StatusChange(status, "{}", null, null, null, null, null);
  }
}

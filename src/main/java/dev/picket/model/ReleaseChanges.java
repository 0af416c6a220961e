package dev.picket.model;

import java.time.Instant;

/** The fields a create or update of a release may set; null leaves a field as it is. */
public record ReleaseChanges(String ref, String url, Instant dateStarted, Instant dateReleased, String status) {
  public static final ReleaseChanges NONE = new ReleaseChanges(null, null, null, null, null);
}

package dev.picket.model;

import java.time.Instant;
import java.util.List;

/**
 * A release of an organization (Sentry's Release), named by its version, with the projects it
 * belongs to. {@code dateReleased} set means finalized; {@code status} is {@code open} or
 * {@code archived}.
 */
public record Release(
    long id,
    long organizationId,
    String version,
    String ref,
    String url,
    Instant dateCreated,
    Instant dateStarted,
    Instant dateReleased,
    String status,
    List<Long> projectIds) {
  public Release {
    projectIds = List.copyOf(projectIds);
  }
}

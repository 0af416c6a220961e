package dev.picket.model;

import java.time.Instant;

/** An issue (Sentry's "group"): the events that share a grouping hash. */
public record Issue(
    long id,
    long projectId,
    long shortIdNumber,
    IssueSummary summary,
    String status,
    Instant firstSeen,
    Instant lastSeen,
    long count) {}

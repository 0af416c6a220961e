package dev.picket.model;

import java.time.Instant;

/**
 * An issue (Sentry's "group"): the events that share a grouping hash. {@code status} is the stored
 * status ({@code unresolved}, {@code resolved}, {@code ignored}); see
 * {@link IssueLifecycle#effectiveStatus} for the status as of a moment. {@code statusDetails} is a
 * JSON object as text; {@code ignoreUntil} is set while the issue is ignored until a date.
 */
public record Issue(
    long id,
    long projectId,
    long shortIdNumber,
    IssueSummary summary,
    String status,
    Instant firstSeen,
    Instant lastSeen,
    long count,
    String statusDetails,
    String firstRelease,
    String lastRelease,
    long userCount,
    Instant ignoreUntil) {}

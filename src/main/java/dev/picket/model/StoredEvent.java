package dev.picket.model;

import java.time.Instant;

/** An event as read back: columns plus the normalized payload (UTF-8 JSON). */
public record StoredEvent(
    long id,
    long projectId,
    long issueId,
    EventId eventId,
    Instant timestamp,
    Instant received,
    byte[] payload) {}

package dev.picket.model;

import java.time.Instant;

/** Stored user feedback about an event (one per project and event id; a later one replaces it). */
public record UserReport(
    long id,
    long projectId,
    EventId eventId,
    String name,
    String email,
    String comments,
    Instant dateCreated) {}

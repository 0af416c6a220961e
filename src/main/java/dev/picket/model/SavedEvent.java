package dev.picket.model;

/**
 * The outcome of writing one event: its row id, the issue it joined, and whether the write was a
 * duplicate of an event id the project already had (then nothing was changed).
 */
public record SavedEvent(long id, long issueId, EventId eventId, boolean duplicate) {}

package dev.picket.model;

import java.time.Instant;

/**
 * A stored attachment without its bytes: row id, the project and event id it belongs to, file
 * name, the content type sent (null when none), attachment type, plain size, SHA-1 and when it
 * was stored.
 */
public record Attachment(
    long id,
    long projectId,
    EventId eventId,
    String name,
    String contentType,
    String type,
    long size,
    String sha1,
    Instant dateCreated) {}

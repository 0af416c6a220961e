package dev.picket.model;

import java.time.Instant;

/** An organization: the tenant boundary. Nothing of one organization is visible to another. */
public record Organization(long id, String slug, String name, Instant dateCreated) {}

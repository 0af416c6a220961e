package dev.picket.model;

import java.time.Instant;

/** A team inside an organization; projects are owned by teams. */
public record Team(long id, long organizationId, String slug, String name, Instant dateCreated) {}

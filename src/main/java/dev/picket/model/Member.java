package dev.picket.model;

import java.time.Instant;

/** A user's membership of an organization, with the user's email for display. */
public record Member(long id, long organizationId, long userId, String email, Role role, Instant dateCreated) {}

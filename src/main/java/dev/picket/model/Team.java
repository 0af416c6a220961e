package dev.picket.model;

/** A team inside an organization; projects are owned by teams. */
public record Team(long id, long organizationId, String slug, String name) {}

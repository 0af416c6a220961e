package dev.picket.model;

/** An environment a project has seen events from; hidden ones are left out of lists by default. */
public record Environment(long id, long projectId, String name, boolean hidden) {}

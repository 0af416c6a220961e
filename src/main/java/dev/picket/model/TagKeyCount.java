package dev.picket.model;

/** A tag key within an issue: how many distinct values it had and how many events carried it. */
public record TagKeyCount(String key, long uniqueValues, long totalValues) {}

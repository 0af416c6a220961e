package dev.picket.model;

import java.time.Instant;

/** One value of a tag key within an issue: how many events carried it, and when. */
public record TagValueCount(String key, String value, long count, Instant firstSeen, Instant lastSeen) {}

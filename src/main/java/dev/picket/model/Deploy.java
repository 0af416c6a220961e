package dev.picket.model;

import java.time.Instant;

/** A deploy of a release to an environment. */
public record Deploy(long id, long releaseId, String environment, String name, String url,
    Instant dateStarted, Instant dateFinished) {}

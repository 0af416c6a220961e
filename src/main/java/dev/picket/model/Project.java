package dev.picket.model;

import java.time.Instant;

/**
 * A project: receives events through its DSN keys; keeps its grouping config until changed.
 * {@code platform} is null until set.
 */
public record Project(
    long id,
    long organizationId,
    String slug,
    String name,
    String groupingConfig,
    Instant dateCreated,
    String platform) {}

package dev.picket.model;

import java.time.Instant;

/**
 * A DSN key of a project. The public key is not a secret (browsers embed it); the secret key is
 * legacy and never checked by ingest. {@code rateLimit} is null when the key is unlimited.
 */
public record ProjectKey(
    long id,
    long projectId,
    String publicKey,
    String secretKey,
    String label,
    boolean active,
    Instant dateCreated,
    RateLimit rateLimit) {}

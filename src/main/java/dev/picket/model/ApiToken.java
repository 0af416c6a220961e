package dev.picket.model;

import java.time.Instant;
import java.util.Set;

/**
 * A user auth token; only the SHA-256 hash of the token is stored. {@code name},
 * {@code lastCharacters} (the token's last 4 characters, for lists) and {@code lastUsed} may be
 * null: tokens created before they existed have none, and an unused token has no last use.
 */
public record ApiToken(
    long id,
    long userId,
    String tokenHash,
    Set<String> scopes,
    Instant expiresAt,
    Instant dateCreated,
    String name,
    String lastCharacters,
    Instant lastUsed) {
  public ApiToken {
    scopes = Set.copyOf(scopes);
  }
}

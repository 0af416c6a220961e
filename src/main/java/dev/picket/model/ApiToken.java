package dev.picket.model;

import java.time.Instant;
import java.util.Set;

/** A user auth token; only the SHA-256 hash of the token is stored. */
public record ApiToken(
    long id, long userId, String tokenHash, Set<String> scopes, Instant expiresAt, Instant dateCreated) {
  public ApiToken {
    scopes = Set.copyOf(scopes);
  }
}

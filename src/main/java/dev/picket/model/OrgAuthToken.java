package dev.picket.model;

import java.time.Instant;
import java.util.Set;

/**
 * An organization auth token ({@code sntrys_…}): bound to one organization, with no user. Only
 * the SHA-256 hash is stored, with the last 4 characters for lists. {@code lastUsed} is null until
 * the token is first used.
 */
public record OrgAuthToken(
    long id,
    long organizationId,
    String tokenHash,
    String lastCharacters,
    String name,
    Set<String> scopes,
    Instant dateCreated,
    Instant lastUsed) {
  public OrgAuthToken {
    scopes = Set.copyOf(scopes);
  }
}

package dev.picket.model;

import java.util.Set;

/** A legacy organization API key (HTTP Basic); only the SHA-256 hash of the key is stored. */
public record ApiKey(long id, long organizationId, String keyHash, Set<String> scopes, boolean active) {
  public ApiKey {
    scopes = Set.copyOf(scopes);
  }
}

package dev.picket.auth;

import java.util.Set;

/**
 * Who made an API request: a user through a token ({@code userId} set) or an organization through
 * an organization-bound credential, a legacy API key or an organization auth token
 * ({@code apiKeyOrganizationId} set), with the scopes of that credential.
 */
public record Principal(Long userId, Long apiKeyOrganizationId, boolean superuser, Set<String> scopes) {
  public Principal {
    scopes = Set.copyOf(scopes);
  }

  public static Principal user(long userId, boolean superuser, Set<String> scopes) {
    return new Principal(userId, null, superuser, scopes);
  }

  public static Principal apiKey(long organizationId, Set<String> scopes) {
    return new Principal(null, organizationId, false, scopes);
  }

  /** An organization auth token: bound to its organization exactly as a legacy API key is. */
  public static Principal orgToken(long organizationId, Set<String> scopes) {
    return new Principal(null, organizationId, false, scopes);
  }

  public boolean hasAnyScope(Set<String> wanted) {
    return scopes.stream().anyMatch(wanted::contains);
  }
}

package dev.picket.auth;

import java.util.Set;

/**
 * Who made an API request: a user through a token ({@code userId} set) or an organization through
 * an organization-bound credential, a legacy API key or an organization auth token
 * ({@code apiKeyOrganizationId} set), with the scopes of that credential. {@code tokenId} is the
 * user token's id (null for other credentials).
 */
public record Principal(
    Long userId, Long apiKeyOrganizationId, boolean superuser, Set<String> scopes, Long tokenId) {
  public Principal {
    scopes = Set.copyOf(scopes);
  }

  public Principal(Long userId, Long apiKeyOrganizationId, boolean superuser, Set<String> scopes) {
    this(userId, apiKeyOrganizationId, superuser, scopes, null);
  }

  public static Principal user(long userId, boolean superuser, Set<String> scopes) {
    return new Principal(userId, null, superuser, scopes);
  }

  /** A user through one of their auth tokens. */
  public static Principal userToken(long userId, boolean superuser, Set<String> scopes, long tokenId) {
    return new Principal(userId, null, superuser, scopes, tokenId);
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

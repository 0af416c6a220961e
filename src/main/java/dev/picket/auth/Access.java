package dev.picket.auth;

import dev.picket.model.Role;
import dev.picket.storage.AuthStore;
import java.util.Optional;
import java.util.Set;

/**
 * Sentry's permission checks, in its order: the credential must carry one of the endpoint's
 * scopes (class level), then the requester must reach the organization with such a scope (object
 * level). Organizations have open membership, so a member reaches every project of it.
 */
public final class Access {
  private final AuthStore store;

  public Access(AuthStore store) {
    this.store = store;
  }

  /** Class-level check: 401 without a principal, 403 when none of its scopes is wanted. */
  public Principal require(Optional<Principal> principal, Set<String> wanted) {
    Principal p = principal.orElseThrow(() -> AuthException.unauthenticated(AuthException.NOT_PROVIDED));
    if (!p.hasAnyScope(wanted)) {
      throw AuthException.forbidden();
    }
    return p;
  }

  /** Object-level check on an organization: 403 unless the principal reaches it with a wanted scope. */
  public void requireOrganization(Principal principal, long organizationId, Set<String> wanted) {
    if (!reaches(principal, organizationId, wanted)) {
      throw AuthException.forbidden();
    }
  }

  private boolean reaches(Principal principal, long organizationId, Set<String> wanted) {
    if (principal.apiKeyOrganizationId() != null) {
      return principal.apiKeyOrganizationId() == organizationId;
    }
    if (principal.superuser()) {
      return true;
    }
    Optional<Role> role = store.role(organizationId, principal.userId());
    if (role.isEmpty()) {
      return false;
    }
    Set<String> granted = Scopes.of(role.get());
    return principal.scopes().stream().anyMatch(s -> granted.contains(s) && wanted.contains(s));
  }
}

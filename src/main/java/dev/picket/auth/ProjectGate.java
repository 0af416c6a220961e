package dev.picket.auth;

import dev.picket.model.NotFound;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.Team;
import dev.picket.storage.ProjectStore;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code /projects/{org}/{project}/} for a request in Sentry's order: scope check on the
 * credential (401/403), then the organization and project by slug (404), then the requester's
 * access to that organization (403).
 */
public final class ProjectGate {
  private final ProjectStore projects;
  private final Access access;

  public ProjectGate(ProjectStore projects, Access access) {
    this.projects = projects;
    this.access = access;
  }

  public Project open(Optional<Principal> principal, String orgSlug, String projectSlug, Set<String> scopes) {
    Principal p = access.require(principal, scopes);
    Organization org = projects.findOrganization(orgSlug).orElseThrow(NotFound::resource);
    Project project = projects.findProject(org.id(), projectSlug).orElseThrow(NotFound::resource);
    access.requireOrganization(p, org.id(), scopes);
    return project;
  }

  /**
   * Sentry's DSNAuthentication (endpoints that accept it, e.g. user feedback): an unknown or
   * inactive key is 401 {@code Invalid dsn}; a key of another project than the one named is 400.
   */
  public Project openWithKey(String publicKey, String orgSlug, String projectSlug) {
    ProjectKey key = projects.findKey(publicKey).filter(ProjectKey::active)
        .orElseThrow(() -> AuthException.unauthenticated("Invalid dsn"));
    Organization org = projects.findOrganization(orgSlug).orElseThrow(NotFound::resource);
    Project project = projects.findProject(org.id(), projectSlug).orElseThrow(NotFound::resource);
    if (key.projectId() != project.id()) {
      throw new AuthException(400, "The DSN does not belong to this project");
    }
    return project;
  }

  /** {@code /teams/{org}/{team}/}: the team, in the same order (scope, 404, then access 403). */
  public Team openTeam(Optional<Principal> principal, String orgSlug, String teamSlug, Set<String> scopes) {
    Principal p = access.require(principal, scopes);
    Organization org = projects.findOrganization(orgSlug).orElseThrow(NotFound::resource);
    Team team = projects.findTeam(org.id(), teamSlug).orElseThrow(NotFound::resource);
    access.requireOrganization(p, org.id(), scopes);
    return team;
  }
}

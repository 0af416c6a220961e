package dev.picket.auth;

import dev.picket.model.Issue;
import dev.picket.model.NotFound;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.storage.IssueStore;
import dev.picket.storage.ProjectStore;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code /issues/{id}/} and {@code /organizations/{org}/...} for a request in Sentry's
 * order: scope check on the credential (401/403), then the organization and issue (404), then the
 * requester's access to the issue's organization (403). So an authenticated outsider gets 404 for
 * an issue that does not exist and 403 for one that does.
 */
public final class IssueGate {
  /** An issue and the project it belongs to. */
  public record Opened(Issue issue, Project project) {}

  private final ProjectStore projects;
  private final IssueStore issues;
  private final Access access;

  public IssueGate(ProjectStore projects, IssueStore issues, Access access) {
    this.projects = projects;
    this.issues = issues;
    this.access = access;
  }

  /** {@code /api/0/issues/{id}/}: the id must be digits. */
  public Opened open(Optional<Principal> principal, String issueId, Set<String> scopes) {
    Principal p = access.require(principal, scopes);
    Issue issue = parseId(issueId).flatMap(issues::find).orElseThrow(NotFound::resource);
    Project project = projects.findProject(issue.projectId()).orElseThrow(NotFound::resource);
    access.requireOrganization(p, project.organizationId(), scopes);
    return new Opened(issue, project);
  }

  /** {@code /api/0/organizations/{org}/issues/{id}/}: the id may also be a short id such as WEB-1. */
  public Opened openInOrganization(Optional<Principal> principal, String orgSlug, String issueId, Set<String> scopes) {
    Principal p = access.require(principal, scopes);
    Organization org = projects.findOrganization(orgSlug).orElseThrow(NotFound::resource);
    Optional<Issue> found = parseId(issueId).isPresent()
        ? parseId(issueId).flatMap(issues::find) : byShortId(org, issueId);
    Issue issue = found.orElseThrow(NotFound::resource);
    Project project = projects.findProject(issue.projectId())
        .filter(pr -> pr.organizationId() == org.id())
        .orElseThrow(NotFound::resource);
    access.requireOrganization(p, org.id(), scopes);
    return new Opened(issue, project);
  }

  /** {@code /api/0/organizations/{org}/...}: the organization, after the scope and access checks. */
  public Organization openOrganization(Optional<Principal> principal, String orgSlug, Set<String> scopes) {
    Principal p = access.require(principal, scopes);
    Organization org = projects.findOrganization(orgSlug).orElseThrow(NotFound::resource);
    access.requireOrganization(p, org.id(), scopes);
    return org;
  }

  private Optional<Issue> byShortId(Organization org, String shortId) {
    int dash = shortId.lastIndexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    String slug = shortId.substring(0, dash).toLowerCase(Locale.ROOT);
    Optional<Long> number = ShortIds.decode(shortId.substring(dash + 1));
    return number.flatMap(n -> projects.findProject(org.id(), slug)
        .flatMap(project -> issues.findByShortId(project.id(), n)));
  }

  private static Optional<Long> parseId(String id) {
    if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(id));
  }
}

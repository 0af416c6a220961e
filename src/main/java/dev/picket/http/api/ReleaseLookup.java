package dev.picket.http.api;

import dev.picket.auth.IssueGate;
import dev.picket.model.NotFound;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Release;
import dev.picket.storage.ProjectStore;
import dev.picket.storage.ReleaseStore;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves {@code /organizations/{org}/releases/{version}/}: scopes and organization access first
 * (401/403/404 as {@link IssueGate#openOrganization}), then the release (404).
 */
final class ReleaseLookup {
  /** A release and its organization. */
  record Opened(Organization org, Release release) {}

  private final Requester requester;
  private final IssueGate orgGate;
  private final ProjectStore projects;
  private final ReleaseStore releases;

  ReleaseLookup(Requester requester, IssueGate orgGate, ProjectStore projects, ReleaseStore releases) {
    this.requester = requester;
    this.orgGate = orgGate;
    this.projects = projects;
    this.releases = releases;
  }

  Opened open(Context ctx, Set<String> scopes) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), scopes);
    Release release = releases.find(org.id(), ReleaseRequests.pathVersion(ctx)).orElseThrow(NotFound::resource);
    return new Opened(org, release);
  }

  Map<Long, Project> projectsById(Organization org) {
    return projects.projectsOf(org.id()).stream().collect(Collectors.toMap(Project::id, Function.identity()));
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Release;
import dev.picket.model.ReleaseChanges;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ProjectStore;
import dev.picket.storage.ReleaseStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET/POST /api/0/organizations/{org}/releases/} and
 * {@code GET /api/0/projects/{org}/{project}/releases/}.
 */
public final class ReleaseListHandler {
  private final Requester requester;
  private final IssueGate orgGate;
  private final ProjectGate projectGate;
  private final ProjectStore projects;
  private final ReleaseStore releases;
  private final Pagination pagination;
  private final Clock clock;

  public ReleaseListHandler(Requester requester, IssueGate orgGate, ProjectGate projectGate, ProjectStore projects,
      ReleaseStore releases, Pagination pagination, Clock clock) {
    this.requester = requester;
    this.orgGate = orgGate;
    this.projectGate = projectGate;
    this.projects = projects;
    this.releases = releases;
    this.pagination = pagination;
    this.clock = clock;
  }

  public void organization(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.RELEASE_READ);
    Set<Long> wanted = ctx.queryParams("project").stream()
        .filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).collect(Collectors.toSet());
    list(ctx, org, wanted);
  }

  public void project(Context ctx) {
    Project project = projectGate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.RELEASE_READ);
    Organization org = projects.findOrganization(project.organizationId()).orElseThrow();
    list(ctx, org, Set.of(project.id()));
  }

  private void list(Context ctx, Organization org, Set<Long> projectIds) {
    Pagination.Page page = pagination.page(ctx);
    List<Release> found = releases.list(org.id(), projectIds, ctx.queryParam("query"), page.offset(),
        page.limit() + 1);
    Map<Long, Project> byId = projectsById(org);
    ArrayNode body = Json.object().arrayNode();
    found.stream().limit(page.limit())
        .forEach(r -> body.add(ReleaseRenderer.release(r, releases.stats(r), byId)));
    pagination.link(ctx, page, found.size() > page.limit());
    Json.write(ctx, 200, body);
  }

  /** Creates the release, or answers 208 with it when the version exists (adding the projects). */
  public void create(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.RELEASE_WRITE);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    String version = ReleaseRequests.newVersion(body);
    Map<String, Project> bySlug = projects.projectsOf(org.id()).stream()
        .collect(Collectors.toMap(Project::slug, Function.identity()));
    Set<Long> projectIds = new LinkedHashSet<>();
    for (JsonNode slug : body.path("projects")) {
      Project p = bySlug.get(slug.asText());
      if (p == null) {
        throw new BadRequest("Invalid project ids or slugs");
      }
      projectIds.add(p.id());
    }
    if (projectIds.isEmpty() && releases.find(org.id(), version).isEmpty()) {
      throw new BadRequest("projects: This field is required.");
    }
    ReleaseChanges changes = new ReleaseChanges(ReleaseRequests.text(body, "ref"),
        ReleaseRequests.text(body, "url"), ReleaseRequests.date(body, "dateStarted"),
        ReleaseRequests.date(body, "dateReleased"), ReleaseDetailsHandler.status(body));
    ReleaseStore.Upsert upsert = releases.upsert(org.id(), version, projectIds, changes, clock.instant());
    Release r = upsert.release();
    Json.write(ctx, upsert.created() ? 201 : 208, ReleaseRenderer.release(r, releases.stats(r), projectsById(org)));
  }

  Map<Long, Project> projectsById(Organization org) {
    return projects.projectsOf(org.id()).stream().collect(Collectors.toMap(Project::id, Function.identity()));
  }
}

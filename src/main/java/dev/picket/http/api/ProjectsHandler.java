package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.admin.OrganizationService;
import dev.picket.admin.ProjectService;
import dev.picket.auth.Access;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Principal;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/0/projects/}, {@code GET /api/0/organizations/{org}/projects/} and
 * {@code GET/PUT/DELETE /api/0/projects/{org}/{project}/}.
 */
public final class ProjectsHandler {
  private record Owned(Project project, Organization org) {}

  private final Requester requester;
  private final Access access;
  private final IssueGate orgGate;
  private final ProjectGate gate;
  private final OrganizationService organizations;
  private final ProjectService service;
  private final ProjectStore projects;
  private final Pagination pagination;

  public ProjectsHandler(Requester requester, Access access, IssueGate orgGate, ProjectGate gate,
      OrganizationService organizations, ProjectService service, ProjectStore projects, Pagination pagination) {
    this.requester = requester;
    this.access = access;
    this.orgGate = orgGate;
    this.gate = gate;
    this.organizations = organizations;
    this.service = service;
    this.projects = projects;
    this.pagination = pagination;
  }

  /** Every project of every organization the requester belongs to, with its organization. */
  public void all(Context ctx) {
    Principal p = access.require(requester.of(ctx), Scopes.PROJECT_READ);
    List<Owned> rows = new ArrayList<>();
    for (Organization org : organizations.organizationsOf(p)) {
      projects.projectsOf(org.id()).forEach(project -> rows.add(new Owned(project, org)));
    }
    ArrayNode body = Json.object().arrayNode();
    pagination.slice(ctx, rows).forEach(r -> body.add(ProjectJson.withOrganization(r.project(), r.org())));
    Json.write(ctx, 200, body);
  }

  public void organization(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.ORG_READ);
    Json.write(ctx, 200, ProjectJson.list(pagination.slice(ctx, projects.projectsOf(org.id()))));
  }

  public void detail(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_READ);
    Json.write(ctx, 200, detail(project));
  }

  public void update(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Project updated = service.update(project, body.path("name").textValue(), body.path("slug").textValue(),
        body.path("platform").textValue(), body.path("groupingConfig").textValue());
    Json.write(ctx, 200, detail(updated));
  }

  public void delete(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_ADMIN);
    service.delete(project);
    ctx.status(204);
  }

  private JsonNode detail(Project project) {
    Organization org = projects.findOrganization(project.organizationId()).orElseThrow();
    return ProjectJson.detail(project, org, service.teamsOf(project));
  }
}

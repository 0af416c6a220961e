package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.admin.ProjectService;
import dev.picket.auth.IssueGate;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Team;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;

/**
 * {@code /api/0/organizations/{org}/teams/}, {@code /api/0/teams/{org}/{team}/} and the team's
 * {@code projects/} (list, create).
 */
public final class TeamsHandler {
  private final Requester requester;
  private final IssueGate orgGate;
  private final ProjectGate gate;
  private final ProjectService service;
  private final ProjectStore projects;
  private final Pagination pagination;

  public TeamsHandler(Requester requester, IssueGate orgGate, ProjectGate gate, ProjectService service,
      ProjectStore projects, Pagination pagination) {
    this.requester = requester;
    this.orgGate = orgGate;
    this.gate = gate;
    this.service = service;
    this.projects = projects;
    this.pagination = pagination;
  }

  public void list(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.TEAM_READ);
    ArrayNode body = Json.object().arrayNode();
    pagination.slice(ctx, service.teams(org)).forEach(t -> body.add(TeamJson.of(t)));
    Json.write(ctx, 200, body);
  }

  public void create(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.TEAM_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Team team = service.createTeam(org, body.path("name").textValue(), body.path("slug").textValue());
    Json.write(ctx, 201, TeamJson.of(team));
  }

  public void detail(Context ctx) {
    Team team = gate.openTeam(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("team"), Scopes.TEAM_READ);
    Json.write(ctx, 200, TeamJson.of(team)
        .set("organization", OrganizationJson.summary(projects.findOrganization(team.organizationId()).orElseThrow())));
  }

  public void delete(Context ctx) {
    Team team = gate.openTeam(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("team"), Scopes.TEAM_ADMIN);
    service.deleteTeam(team);
    ctx.status(204);
  }

  public void projects(Context ctx) {
    Team team = gate.openTeam(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("team"), Scopes.PROJECT_READ);
    Json.write(ctx, 200, ProjectJson.list(pagination.slice(ctx, service.projectsOf(team))));
  }

  public void createProject(Context ctx) {
    Team team = gate.openTeam(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("team"), Scopes.PROJECT_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Project project = service.createProject(team, body.path("name").textValue(), body.path("slug").textValue(),
        body.path("platform").textValue());
    Organization org = projects.findOrganization(team.organizationId()).orElseThrow();
    Json.write(ctx, 201, ProjectJson.detail(project, org, service.teamsOf(project)));
  }
}

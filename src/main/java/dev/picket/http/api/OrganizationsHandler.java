package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.admin.OrganizationService;
import dev.picket.admin.ProjectService;
import dev.picket.auth.Access;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Principal;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.model.Role;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code /api/0/organizations/} (list, create) and {@code /api/0/organizations/{org}/} (detail, update). */
public final class OrganizationsHandler {
  private final Requester requester;
  private final Access access;
  private final IssueGate gate;
  private final OrganizationService service;
  private final ProjectService projectService;
  private final ProjectStore projects;
  private final Pagination pagination;

  public OrganizationsHandler(Requester requester, Access access, IssueGate gate, OrganizationService service,
      ProjectService projectService, ProjectStore projects, Pagination pagination) {
    this.requester = requester;
    this.access = access;
    this.gate = gate;
    this.service = service;
    this.projectService = projectService;
    this.projects = projects;
    this.pagination = pagination;
  }

  public void list(Context ctx) {
    Principal p = access.require(requester.of(ctx), Scopes.ORG_READ);
    ArrayNode body = Json.object().arrayNode();
    pagination.slice(ctx, service.organizationsOf(p)).forEach(o -> body.add(OrganizationJson.summary(o)));
    Json.write(ctx, 200, body);
  }

  public void create(Context ctx) {
    Principal p = access.require(requester.of(ctx), Scopes.ORG_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Organization org = service.create(p, body.path("name").textValue(), body.path("slug").textValue());
    Json.write(ctx, 201, detail(p, org));
  }

  public void detail(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.ORG_READ);
    Json.write(ctx, 200, detail(who.orElseThrow(), org));
  }

  public void update(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.ORG_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Organization updated = service.update(org, body.path("name").textValue(), body.path("slug").textValue());
    Json.write(ctx, 200, detail(who.orElseThrow(), updated));
  }

  /** The summary with the requester's role and scopes here, and the teams and projects. */
  private ObjectNode detail(Principal p, Organization org) {
    ObjectNode out = OrganizationJson.summary(org);
    Role role = service.roleOf(p, org.id());
    out.put("role", role.wireName()).put("orgRole", role.wireName());
    ArrayNode scopes = out.putArray("access");
    Scopes.ALL.stream().filter(s -> p.scopes().contains(s) && Scopes.of(role).contains(s)).forEach(scopes::add);
    ArrayNode teams = out.putArray("teams");
    projectService.teams(org).forEach(t -> teams.add(TeamJson.of(t)));
    out.set("projects", ProjectJson.list(projects.projectsOf(org.id())));
    return out;
  }
}

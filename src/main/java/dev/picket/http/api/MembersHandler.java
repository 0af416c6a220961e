package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.admin.OrganizationService;
import dev.picket.auth.Access;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Principal;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Member;
import dev.picket.model.Organization;
import dev.picket.protocol.EventJson;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code /api/0/organizations/{org}/members/} and {@code .../members/{member_id}/}. */
public final class MembersHandler {
  private final Requester requester;
  private final Access access;
  private final IssueGate gate;
  private final OrganizationService service;
  private final Pagination pagination;

  public MembersHandler(Requester requester, Access access, IssueGate gate, OrganizationService service,
      Pagination pagination) {
    this.requester = requester;
    this.access = access;
    this.gate = gate;
    this.service = service;
    this.pagination = pagination;
  }

  public void list(Context ctx) {
    Organization org = gate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.MEMBER_READ);
    ArrayNode body = Json.object().arrayNode();
    pagination.slice(ctx, service.members(org)).forEach(m -> body.add(OrganizationJson.member(m)));
    Json.write(ctx, 200, body);
  }

  public void add(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.MEMBER_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    Member added = service.add(who.orElseThrow(), org, body.path("email").textValue(), role(body));
    Json.write(ctx, 201, OrganizationJson.member(added));
  }

  public void detail(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.MEMBER_READ);
    Json.write(ctx, 200, OrganizationJson.member(service.member(who.orElseThrow(), org, ctx.pathParam("member"))));
  }

  public void update(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.MEMBER_WRITE);
    Member member = service.member(who.orElseThrow(), org, ctx.pathParam("member"));
    String role = role(EventJson.readTree(ctx.bodyAsBytes()));
    Json.write(ctx, 200, OrganizationJson.member(service.changeRole(who.orElseThrow(), org, member, role)));
  }

  /** Removing someone else takes {@code member:admin}; leaving the organization any member scope. */
  public void remove(Context ctx) {
    Optional<Principal> who = requester.of(ctx);
    Organization org = gate.openOrganization(who, ctx.pathParam("org"), Scopes.MEMBER_READ);
    Principal p = who.orElseThrow();
    Member member = service.member(p, org, ctx.pathParam("member"));
    if (p.userId() == null || member.userId() != p.userId()) {
      access.requireOrganization(access.require(who, Scopes.MEMBER_ADMIN), org.id(), Scopes.MEMBER_ADMIN);
    }
    service.remove(p, org, member);
    ctx.status(204);
  }

  /** Sentry's newer {@code orgRole}, else the older {@code role}. */
  private static String role(JsonNode body) {
    String orgRole = body.path("orgRole").textValue();
    return orgRole != null ? orgRole : body.path("role").textValue();
  }
}

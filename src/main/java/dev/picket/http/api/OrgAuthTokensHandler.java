package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.admin.AdminService;
import dev.picket.auth.Access;
import dev.picket.auth.Principal;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.NotFound;
import dev.picket.model.OrgAuthToken;
import dev.picket.model.Organization;
import dev.picket.protocol.EventJson;
import dev.picket.storage.AuthStore;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /api/0/organizations/{org}/org-auth-tokens/}: an organization's auth tokens
 * ({@code sntrys_…}). Listing and reading need {@code org:read}, creating and deleting
 * {@code org:write} (or {@code org:admin}); checks in Sentry's order (scope 401/403, organization
 * 404, membership 403). The plaintext token is answered once, by the create.
 */
public final class OrgAuthTokensHandler {
  private static final int MAX_NAME = 255;

  private final Requester requester;
  private final Access access;
  private final ProjectStore projects;
  private final AuthStore auth;
  private final AdminService admin;

  public OrgAuthTokensHandler(
      Requester requester, Access access, ProjectStore projects, AuthStore auth, AdminService admin) {
    this.requester = requester;
    this.access = access;
    this.projects = projects;
    this.auth = auth;
    this.admin = admin;
  }

  public void list(Context ctx) {
    Organization org = open(ctx, Scopes.ORG_READ);
    ArrayNode body = Json.object().arrayNode();
    auth.orgTokensOf(org.id()).forEach(t -> body.add(TokenJson.org(t, null)));
    Json.write(ctx, 200, body);
  }

  public void create(Context ctx) {
    Organization org = open(ctx, Scopes.ORG_WRITE);
    String name = name(ctx);
    if (name != null) {
      AdminService.Created<OrgAuthToken> created = admin.createOrgToken(org, name);
      Json.write(ctx, 201, TokenJson.org(created.stored(), created.plaintext()));
    }
  }

  /** {@code PUT .../{id}/} with {@code {"name"}}: renames the token; 204 as Sentry. */
  public void update(Context ctx) {
    Organization org = open(ctx, Scopes.ORG_WRITE);
    OrgAuthToken token = token(ctx, org);
    String name = name(ctx);
    if (name != null) {
      auth.renameOrgToken(org.id(), token.id(), name);
      ctx.status(204);
    }
  }

  /** The body's stripped {@code name}; null after answering 400 when it is blank or too long. */
  private static String name(Context ctx) {
    JsonNode name = EventJson.readObject(ctx.bodyAsBytes()).get("name");
    String text = name == null || name.isNull() ? "" : name.asText().strip();
    if (text.isEmpty()) {
      Json.detail(ctx, 400, "The name cannot be blank.");
      return null;
    }
    if (text.length() > MAX_NAME) {
      Json.detail(ctx, 400, "The name cannot be longer than 255 characters.");
      return null;
    }
    return text;
  }

  public void detail(Context ctx) {
    Organization org = open(ctx, Scopes.ORG_READ);
    Json.write(ctx, 200, TokenJson.org(token(ctx, org), null));
  }

  public void delete(Context ctx) {
    Organization org = open(ctx, Scopes.ORG_WRITE);
    auth.deleteOrgToken(org.id(), token(ctx, org).id());
    ctx.status(204);
  }

  private Organization open(Context ctx, Set<String> scopes) {
    Principal principal = access.require(requester.of(ctx), scopes);
    Organization org = projects.findOrganization(ctx.pathParam("org")).orElseThrow(NotFound::resource);
    access.requireOrganization(principal, org.id(), scopes);
    return org;
  }

  private OrgAuthToken token(Context ctx, Organization org) {
    Long id = ApiTokensHandler.parseId(ctx.pathParam("tokenId"));
    return auth.orgTokensOf(org.id()).stream()
        .filter(t -> id != null && t.id() == id)
        .findFirst()
        .orElseThrow(NotFound::resource);
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.NotFound;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.protocol.EventJson;
import dev.picket.storage.Conflict;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/0/projects/{org}/{project}/keys/} and {@code .../keys/{key_id}/}: a project's DSN
 * keys, listed newest first, created, read, changed and deleted as Sentry's ProjectKeys endpoints
 * do. Reading needs {@code project:read}, changing {@code project:write}, deleting
 * {@code project:admin} (or a wider project scope).
 */
public final class ProjectKeysHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final ProjectStore projects;
  private final Pagination pagination;
  private final String baseUrl;

  public ProjectKeysHandler(
      Requester requester, ProjectGate gate, ProjectStore projects, Pagination pagination, String baseUrl) {
    this.requester = requester;
    this.gate = gate;
    this.projects = projects;
    this.pagination = pagination;
    this.baseUrl = baseUrl;
  }

  public void list(Context ctx) {
    Project project = open(ctx, Scopes.PROJECT_READ);
    String status = ctx.queryParam("status");
    List<ProjectKey> keys = projects.keys(project.id()).stream()
        .filter(k -> hasStatus(k, status))
        .sorted(Comparator.comparingLong(ProjectKey::id).reversed())
        .toList();
    Pagination.Page page = pagination.page(ctx);
    List<ProjectKey> shown = keys.stream().skip(page.offset()).limit(page.limit()).toList();
    ArrayNode body = Json.object().arrayNode();
    shown.forEach(k -> body.add(ProjectKeyJson.of(k, baseUrl)));
    pagination.link(ctx, page, page.offset() + shown.size() < keys.size());
    Json.write(ctx, 200, body);
  }

  public void create(Context ctx) {
    Project project = open(ctx, Scopes.PROJECT_WRITE);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    ObjectNode errors = ProjectKeyRequest.validate(body, true);
    if (!errors.isEmpty()) {
      Json.write(ctx, 400, errors);
      return;
    }
    ProjectKey key;
    try {
      String name = ProjectKeyRequest.text(body, "name");
      key = projects.createKey(project.id(), name == null ? "" : name,
          ProjectKeyRequest.text(body, "public"), ProjectKeyRequest.text(body, "secret"),
          ProjectKeyRequest.rateLimit(body));
    } catch (Conflict e) {
      Json.write(ctx, 400, ProjectKeyRequest.error("public", "A key with this public key already exists."));
      return;
    }
    Json.write(ctx, 201, ProjectKeyJson.of(key, baseUrl));
  }

  public void detail(Context ctx) {
    ProjectKey key = key(ctx, open(ctx, Scopes.PROJECT_READ));
    Json.write(ctx, 200, ProjectKeyJson.of(key, baseUrl));
  }

  public void update(Context ctx) {
    ProjectKey key = key(ctx, open(ctx, Scopes.PROJECT_WRITE));
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    ObjectNode errors = ProjectKeyRequest.validate(body, false);
    if (!errors.isEmpty()) {
      Json.write(ctx, 400, errors);
      return;
    }
    if (body.hasNonNull("name")) {
      projects.setKeyLabel(key.id(), body.get("name").textValue());
    }
    if (body.hasNonNull("isActive")) {
      projects.setKeyActive(key.id(), body.get("isActive").booleanValue());
    }
    if (body.has("rateLimit")) {
      projects.setKeyRateLimit(key.id(), ProjectKeyRequest.rateLimit(body));
    }
    ProjectKey updated = projects.findKey(key.publicKey()).orElseThrow(NotFound::resource);
    Json.write(ctx, 200, ProjectKeyJson.of(updated, baseUrl));
  }

  public void delete(Context ctx) {
    ProjectKey key = key(ctx, open(ctx, Scopes.PROJECT_ADMIN));
    projects.deleteKey(key.id());
    ctx.status(204);
  }

  /** Sentry's {@code ?status=}: none lists every key, an unknown value none. */
  private static boolean hasStatus(ProjectKey key, String status) {
    if (status == null || status.isEmpty()) {
      return true;
    }
    return switch (status) {
      case "active" -> key.active();
      case "inactive" -> !key.active();
      default -> false;
    };
  }

  private Project open(Context ctx, Set<String> scopes) {
    return gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), scopes);
  }

  /** The key of this project with the public key in the path; 404 for another project's key. */
  private ProjectKey key(Context ctx, Project project) {
    return projects.findKey(ctx.pathParam("keyId"))
        .filter(k -> k.projectId() == project.id())
        .orElseThrow(NotFound::resource);
  }
}

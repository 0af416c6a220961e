package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.admin.ProjectService;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.Environment;
import dev.picket.model.Project;
import dev.picket.protocol.EventJson;
import io.javalin.http.Context;
import java.util.List;

/** {@code /api/0/projects/{org}/{project}/environments/} (list, hide) and {@code .../users/}. */
public final class EnvironmentsHandler {
  private static final List<String[]> USER_FIELDS = List.of(
      new String[] {"id:", "id"}, new String[] {"email:", "email"},
      new String[] {"username:", "username"}, new String[] {"ip:", "ipAddress"});

  private final Requester requester;
  private final ProjectGate gate;
  private final ProjectService service;
  private final Pagination pagination;

  public EnvironmentsHandler(Requester requester, ProjectGate gate, ProjectService service, Pagination pagination) {
    this.requester = requester;
    this.gate = gate;
    this.service = service;
    this.pagination = pagination;
  }

  public void list(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_READ);
    ArrayNode body = Json.object().arrayNode();
    service.environments(project, ctx.queryParam("visibility")).forEach(e -> body.add(json(e)));
    Json.write(ctx, 200, body);
  }

  public void update(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_WRITE);
    JsonNode hidden = EventJson.readTree(ctx.bodyAsBytes()).path("isHidden");
    if (!hidden.isBoolean()) {
      throw new BadRequest("isHidden must be true or false");
    }
    Json.write(ctx, 200, json(service.setHidden(project, ctx.pathParam("environment"), hidden.booleanValue())));
  }

  /** The distinct users of the project's events, as Sentry's event users. */
  public void users(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_READ);
    Pagination.Page page = pagination.page(ctx);
    List<String> values = service.users(project, page.offset(), page.limit() + 1);
    pagination.link(ctx, page, values.size() > page.limit());
    ArrayNode body = Json.object().arrayNode();
    values.stream().limit(page.limit()).forEach(v -> body.add(user(v)));
    Json.write(ctx, 200, body);
  }

  private static ObjectNode json(Environment e) {
    return Json.object().put("id", String.valueOf(e.id())).put("name", e.name()).put("isHidden", e.hidden());
  }

  private static ObjectNode user(String tagValue) {
    ObjectNode out = Json.object().put("tagValue", tagValue);
    for (String[] f : USER_FIELDS) {
      out.put(f[1], tagValue.startsWith(f[0]) ? tagValue.substring(f[0].length()) : null);
    }
    out.put("identifier", out.path("id").textValue()).put("name", (String) null);
    return out;
  }
}

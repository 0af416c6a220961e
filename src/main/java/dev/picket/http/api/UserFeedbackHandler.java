package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.ingest.UserReports;
import dev.picket.model.NewUserReport;
import dev.picket.model.Project;
import dev.picket.model.UserReport;
import dev.picket.protocol.Dsn;
import dev.picket.protocol.EventJson;
import dev.picket.protocol.ProtocolException;
import dev.picket.storage.EventStore;
import dev.picket.storage.ItemStore;
import io.javalin.http.Context;
import java.util.List;

/**
 * Sentry's legacy {@code /api/0/projects/{org}/{project}/user-feedback/}: {@code GET} lists the
 * project's user reports newest first (project read scopes), {@code POST}
 * {@code {event_id, name, email, comments}} stores one (project write scopes, or the project's DSN
 * as {@code Authorization: DSN <dsn>}) and answers it. Field errors are DRF's
 * {@code {"field": ["message"]}}.
 */
public final class UserFeedbackHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final EventStore events;
  private final ItemStore items;
  private final UserReports reports;
  private final Pagination pagination;

  public UserFeedbackHandler(Requester requester, ProjectGate gate, EventStore events, ItemStore items,
      UserReports reports, Pagination pagination) {
    this.requester = requester;
    this.gate = gate;
    this.events = events;
    this.items = items;
    this.reports = reports;
    this.pagination = pagination;
  }

  public void list(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.PROJECT_READ);
    Pagination.Page page = pagination.page(ctx);
    List<UserReport> rows = items.userReports(project.id(), page.offset(), page.limit() + 1);
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    rows.stream().limit(page.limit()).forEach(r -> body.add(render(project, r)));
    pagination.link(ctx, page, rows.size() > page.limit());
    Json.write(ctx, 200, body);
  }

  public void post(Context ctx) {
    String authorization = ctx.header("Authorization");
    Project project = authorization != null && authorization.regionMatches(true, 0, "DSN ", 0, 4)
        ? gate.openWithKey(Dsn.parse(authorization.substring(4).trim()).map(Dsn::publicKey).orElse(""),
            ctx.pathParam("org"), ctx.pathParam("project"))
        : gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.PROJECT_WRITE);
    JsonNode body;
    try {
      body = EventJson.readObject(ctx.bodyAsBytes());
    } catch (ProtocolException e) {
      Json.detail(ctx, 400, "Malformed request");
      return;
    }
    ObjectNode errors = UserFeedbackFields.errors(body);
    if (!errors.isEmpty()) {
      Json.write(ctx, 400, errors);
      return;
    }
    NewUserReport report = UserFeedbackFields.report(body);
    ctx.future(() -> reports.save(project.id(), report).thenAccept(saved -> Json.write(ctx, 200, render(project, saved))));
  }

  private ObjectNode render(Project project, UserReport r) {
    Long row = events.find(project.id(), r.eventId()).map(e -> e.id()).orElse(null);
    return ItemsRenderer.userReport(r, row);
  }
}

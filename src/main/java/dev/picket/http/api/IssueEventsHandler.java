package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.picket.auth.IssueGate;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.EventId;
import dev.picket.model.NotFound;
import dev.picket.model.Project;
import dev.picket.model.StoredEvent;
import dev.picket.protocol.EventJson;
import dev.picket.storage.EventStore;
import dev.picket.storage.ItemStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * An issue's events ({@code /issues/{id}/events/}, {@code .../latest/}, {@code .../oldest/},
 * {@code .../{event_id}/}) and a project's events ({@code /projects/{org}/{project}/events/}).
 * List items are simple unless {@code ?full=1}; single events have the seed endpoint's body.
 */
public final class IssueEventsHandler {
  private final Requester requester;
  private final IssueGate issueGate;
  private final ProjectGate projectGate;
  private final EventStore events;
  private final ItemStore items;
  private final Pagination pagination;

  public IssueEventsHandler(Requester requester, IssueGate issueGate, ProjectGate projectGate, EventStore events,
      ItemStore items, Pagination pagination) {
    this.requester = requester;
    this.issueGate = issueGate;
    this.projectGate = projectGate;
    this.events = events;
    this.items = items;
    this.pagination = pagination;
  }

  public void issueEvents(Context ctx) {
    IssueGate.Opened opened = IssueDetailsHandler.open(issueGate, requester.of(ctx), ctx, Scopes.EVENT_READ);
    Pagination.Page page = pagination.page(ctx);
    write(ctx, page, events.listForIssue(opened.issue().id(), page.offset(), page.limit() + 1));
  }

  public void projectEvents(Context ctx) {
    Project project = projectGate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.PROJECT_READ);
    Pagination.Page page = pagination.page(ctx);
    write(ctx, page, events.listForProject(project.id(), page.offset(), page.limit() + 1));
  }

  /** {@code latest}, {@code oldest} or a 32-hex event id of the issue. */
  public void issueEvent(Context ctx) {
    IssueGate.Opened opened = IssueDetailsHandler.open(issueGate, requester.of(ctx), ctx, Scopes.EVENT_READ);
    long issueId = opened.issue().id();
    String id = ctx.pathParam("eventId");
    Optional<StoredEvent> event = switch (id) {
      case "latest" -> events.latestInIssue(issueId);
      case "oldest" -> events.oldestInIssue(issueId);
      default -> EventId.parse(id).flatMap(e -> events.find(opened.project().id(), e))
          .filter(e -> e.issueId() == issueId);
    };
    StoredEvent found = event.orElseThrow(() -> new NotFound(
        id.equals("latest") || id.equals("oldest") ? "No events found for group" : "Event not found"));
    var next = events.nextInIssue(issueId, found.timestamp(), found.eventId());
    var previous = events.previousInIssue(issueId, found.timestamp(), found.eventId());
    var payload = EventJson.readTree(found.payload());
    Json.write(ctx, 200, EventDetailsRenderer.render(found, payload, next, previous,
        EventItems.of(items, found, payload)));
  }

  private void write(Context ctx, Pagination.Page page, List<StoredEvent> rows) {
    boolean full = "1".equals(ctx.queryParam("full")) || "true".equalsIgnoreCase(ctx.queryParam("full"));
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    rows.stream().limit(page.limit()).forEach(e -> body.add(SimpleEventRenderer.render(e, full)));
    pagination.link(ctx, page, rows.size() > page.limit());
    Json.write(ctx, 200, body);
  }
}

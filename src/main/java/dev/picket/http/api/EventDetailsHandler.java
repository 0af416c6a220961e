package dev.picket.http.api;

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

/** {@code GET /api/0/projects/{org}/{project}/events/{eventId}/}: the seed endpoint. */
public final class EventDetailsHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final EventStore events;
  private final ItemStore items;

  public EventDetailsHandler(Requester requester, ProjectGate gate, EventStore events, ItemStore items) {
    this.requester = requester;
    this.gate = gate;
    this.events = events;
    this.items = items;
  }

  public void handle(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.PROJECT_READ);
    StoredEvent event = EventId.parse(ctx.pathParam("eventId"))
        .flatMap(id -> events.find(project.id(), id))
        .orElseThrow(() -> new NotFound("Event not found"));
    var next = events.nextInIssue(event.issueId(), event.timestamp(), event.eventId());
    var previous = events.previousInIssue(event.issueId(), event.timestamp(), event.eventId());
    var payload = EventJson.readTree(event.payload());
    Json.write(ctx, 200, EventDetailsRenderer.render(event, payload, next, previous,
        EventItems.of(items, event, payload)));
  }
}

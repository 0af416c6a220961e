package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Attachment;
import dev.picket.model.EventId;
import dev.picket.model.NotFound;
import dev.picket.model.Project;
import dev.picket.storage.EventStore;
import dev.picket.storage.ItemStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/0/projects/{org}/{project}/events/{eventId}/attachments/} (the list) and
 * {@code .../attachments/{attachmentId}/} (one, or its bytes with {@code ?download}), with the
 * {@code event:read} scope family. Attachments stored without an event are listed too.
 */
public final class EventAttachmentsHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final EventStore events;
  private final ItemStore items;

  public EventAttachmentsHandler(Requester requester, ProjectGate gate, EventStore events, ItemStore items) {
    this.requester = requester;
    this.gate = gate;
    this.events = events;
    this.items = items;
  }

  public void list(Context ctx) {
    Project project = open(ctx);
    EventId id = EventId.parse(ctx.pathParam("eventId")).orElseThrow(() -> new NotFound("Event not found"));
    List<Attachment> found = items.attachments(project.id(), id);
    if (found.isEmpty() && events.find(project.id(), id).isEmpty()) {
      throw new NotFound("Event not found");
    }
    var body = JsonNodeFactory.instance.arrayNode();
    found.forEach(a -> body.add(ItemsRenderer.attachment(a)));
    Json.write(ctx, 200, body);
  }

  public void details(Context ctx) {
    Project project = open(ctx);
    Attachment a = EventId.parse(ctx.pathParam("eventId"))
        .flatMap(id -> attachmentId(ctx).flatMap(n -> items.attachment(project.id(), id, n)))
        .orElseThrow(NotFound::resource);
    if (ctx.queryParam("download") == null) {
      Json.write(ctx, 200, ItemsRenderer.attachment(a));
      return;
    }
    byte[] data = items.attachmentData(project.id(), a.id()).orElseThrow(NotFound::resource);
    ctx.status(200).contentType(ItemsRenderer.mimetype(a))
        .header("Content-Disposition", ItemsRenderer.contentDisposition(a.name()))
        .result(data);
  }

  private Project open(Context ctx) {
    return gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), Scopes.EVENT_READ);
  }

  private static Optional<Long> attachmentId(Context ctx) {
    try {
      return Optional.of(Long.parseLong(ctx.pathParam("attachmentId")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.grouping.Grouper;
import dev.picket.grouping.GroupingVariant;
import dev.picket.http.Json;
import dev.picket.model.EventId;
import dev.picket.model.NotFound;
import dev.picket.model.Project;
import dev.picket.model.StoredEvent;
import dev.picket.protocol.EventJson;
import dev.picket.storage.EventStore;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/0/projects/{org}/{project}/events/{eventId}/grouping-info/}: the event's grouping
 * variants under the config it was grouped with, so a user can see why events did or did not group.
 */
public final class GroupingInfoHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final EventStore events;
  private final Grouper grouper;

  public GroupingInfoHandler(Requester requester, ProjectGate gate, EventStore events, Grouper grouper) {
    this.requester = requester;
    this.gate = gate;
    this.events = events;
    this.grouper = grouper;
  }

  public void handle(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.PROJECT_READ);
    StoredEvent stored = EventId.parse(ctx.pathParam("eventId"))
        .flatMap(id -> events.find(project.id(), id))
        .orElseThrow(() -> new NotFound("Event not found"));
    ObjectNode event = EventJson.readObject(stored.payload());
    String config = event.path("grouping_config").asText(project.groupingConfig());
    List<GroupingVariant> variants = grouper.variants(event, config);
    Json.write(ctx, 200, GroupingInfoRenderer.render(variants, storedHashes(event)));
  }

  private static List<String> storedHashes(JsonNode event) {
    return java.util.stream.StreamSupport.stream(event.path("hashes").spliterator(), false)
        .map(JsonNode::asText).toList();
  }
}

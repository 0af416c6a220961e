package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.Project;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;

/** {@code PUT /api/0/projects/{org}/{project}/}: for now, changes the project's grouping config. */
public final class ProjectUpdateHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final ProjectStore projects;

  public ProjectUpdateHandler(Requester requester, ProjectGate gate, ProjectStore projects) {
    this.requester = requester;
    this.gate = gate;
    this.projects = projects;
  }

  public void handle(Context ctx) {
    Project project = gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.PROJECT_WRITE);
    JsonNode body = EventJson.readTree(ctx.bodyAsBytes());
    String config = body.path("groupingConfig").textValue();
    if (config != null) {
      if (!GroupingConfigs.isKnown(config)) {
        throw new BadRequest("Unknown grouping config: " + config);
      }
      projects.updateGroupingConfig(project.id(), config);
    }
    Project updated = projects.findProject(project.id()).orElseThrow();
    Json.write(ctx, 200, ProjectJson.of(updated));
  }
}

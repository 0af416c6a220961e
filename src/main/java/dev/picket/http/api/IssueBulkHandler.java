package dev.picket.http.api;

import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.issues.IssueService;
import dev.picket.issues.IssueUpdate;
import dev.picket.model.Issue;
import dev.picket.model.Project;
import dev.picket.protocol.EventJson;
import dev.picket.storage.IssueStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk {@code PUT/DELETE /api/0/projects/{org}/{project}/issues/?id=1&id=2}: the ids that are
 * issues of this project (others are skipped); without {@code id}, the issues matching
 * {@code query} (default {@code is:unresolved}), at most 1000. Nothing matched: 204.
 */
public final class IssueBulkHandler {
  private final Requester requester;
  private final ProjectGate gate;
  private final IssueStore issues;
  private final IssueService service;
  private final Clock clock;

  public IssueBulkHandler(Requester requester, ProjectGate gate, IssueStore issues, IssueService service, Clock clock) {
    this.requester = requester;
    this.gate = gate;
    this.issues = issues;
    this.service = service;
    this.clock = clock;
  }

  public void put(Context ctx) {
    Project project = open(ctx, Scopes.EVENT_WRITE);
    IssueUpdate update = IssueUpdate.parse(EventJson.readTree(ctx.bodyAsBytes()));
    List<Issue> targets = targets(ctx, project);
    if (targets.isEmpty()) {
      ctx.status(204);
      return;
    }
    Json.write(ctx, 200, service.update(project.id(), targets, update, clock.instant()));
  }

  public void delete(Context ctx) {
    Project project = open(ctx, Scopes.EVENT_ADMIN);
    service.delete(targets(ctx, project).stream().map(Issue::id).toList());
    ctx.status(204);
  }

  private Project open(Context ctx, Set<String> scopes) {
    return gate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"), scopes);
  }

  private List<Issue> targets(Context ctx, Project project) {
    List<String> ids = ctx.queryParams("id");
    if (ids.isEmpty()) {
      return service.list(Set.of(project.id()), ctx.queryParam("query"), null, "", 0,
          (int) IssueService.MAX_HITS, clock.instant()).issues();
    }
    return ids.stream().map(IssueBulkHandler::parse).distinct().map(issues::find)
        .flatMap(Optional::stream).filter(i -> i.projectId() == project.id()).toList();
  }

  private static long parse(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadRequest("Invalid id: " + id);
    }
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.ProjectGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.issues.IssueList;
import dev.picket.issues.IssueService;
import dev.picket.model.Issue;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.storage.ProjectStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/0/projects/{org}/{project}/issues/} and {@code GET /api/0/organizations/{org}/issues/}. */
public final class IssueListHandler {
  private final Requester requester;
  private final ProjectGate projectGate;
  private final IssueGate issueGate;
  private final ProjectStore projects;
  private final IssueService service;
  private final Pagination pagination;
  private final Clock clock;

  public IssueListHandler(Requester requester, ProjectGate projectGate, IssueGate issueGate,
      ProjectStore projects, IssueService service, Pagination pagination, Clock clock) {
    this.requester = requester;
    this.projectGate = projectGate;
    this.issueGate = issueGate;
    this.projects = projects;
    this.service = service;
    this.pagination = pagination;
    this.clock = clock;
  }

  public void project(Context ctx) {
    Project project = projectGate.open(requester.of(ctx), ctx.pathParam("org"), ctx.pathParam("project"),
        Scopes.EVENT_READ);
    list(ctx, List.of(project));
  }

  public void organization(Context ctx) {
    Organization org = issueGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.EVENT_READ);
    List<String> wanted = ctx.queryParams("project");
    list(ctx, projects.projectsOf(org.id()).stream()
        .filter(p -> wanted.isEmpty() || wanted.contains(String.valueOf(p.id())))
        .toList());
  }

  private void list(Context ctx, List<Project> searched) {
    Instant now = clock.instant();
    Map<Long, Project> byId = searched.stream().collect(Collectors.toMap(Project::id, Function.identity()));
    Pagination.Page page = pagination.page(ctx);
    IssueList list = service.list(byId.keySet(), ctx.queryParam("query"), ctx.queryParam("sort"),
        ctx.queryParam("statsPeriod"), page.offset(), page.limit(), now);
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (Issue issue : list.issues()) {
      ObjectNode item = IssueRenderer.render(issue, byId.get(issue.projectId()), now);
      if (!list.statsPeriod().isEmpty()) {
        item.putObject("stats").set(list.statsPeriod(), IssueRenderer.series(list.stats().get(issue.id())));
      }
      if (list.matchingEventId() != null) {
        item.put("matchingEventId", list.matchingEventId().hex());
        ctx.header("X-Sentry-Direct-Hit", "1");
      }
      body.add(item);
    }
    ctx.header("X-Hits", String.valueOf(list.hits()));
    ctx.header("X-Max-Hits", String.valueOf(IssueService.MAX_HITS));
    pagination.link(ctx, page, list.hasMore());
    Json.write(ctx, 200, body);
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Principal;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.issues.IssueService;
import dev.picket.issues.IssueUpdate;
import dev.picket.model.Activity;
import dev.picket.model.Issue;
import dev.picket.model.TagKeyCount;
import dev.picket.protocol.EventJson;
import dev.picket.storage.IssueStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET/PUT/DELETE /api/0/issues/{issueId}/} and the same under
 * {@code /api/0/organizations/{org}/issues/{issueId}/} (where a short id such as {@code WEB-1}
 * also works).
 */
public final class IssueDetailsHandler {
  private final Requester requester;
  private final IssueGate gate;
  private final IssueStore issues;
  private final IssueService service;
  private final Clock clock;

  public IssueDetailsHandler(Requester requester, IssueGate gate, IssueStore issues, IssueService service, Clock clock) {
    this.requester = requester;
    this.gate = gate;
    this.issues = issues;
    this.service = service;
    this.clock = clock;
  }

  /** Opens the issue of either path form. */
  static IssueGate.Opened open(IssueGate gate, Optional<Principal> principal, Context ctx, Set<String> scopes) {
    String org = ctx.pathParamMap().get("org");
    return org == null
        ? gate.open(principal, ctx.pathParam("issueId"), scopes)
        : gate.openInOrganization(principal, org, ctx.pathParam("issueId"), scopes);
  }

  public void get(Context ctx) {
    IssueGate.Opened opened = open(gate, requester.of(ctx), ctx, Scopes.EVENT_READ);
    Json.write(ctx, 200, details(opened, clock.instant()));
  }

  public void put(Context ctx) {
    IssueGate.Opened opened = open(gate, requester.of(ctx), ctx, Scopes.EVENT_WRITE);
    IssueUpdate update = IssueUpdate.parse(EventJson.readTree(ctx.bodyAsBytes()));
    service.update(opened.project().id(), List.of(opened.issue()), update, clock.instant());
    Issue updated = issues.find(opened.issue().id()).orElseThrow();
    Json.write(ctx, 200, details(new IssueGate.Opened(updated, opened.project()), clock.instant()));
  }

  public void delete(Context ctx) {
    IssueGate.Opened opened = open(gate, requester.of(ctx), ctx, Scopes.EVENT_ADMIN);
    service.delete(List.of(opened.issue().id()));
    ctx.status(202);
  }

  /** The stream fields plus Sentry's detail additions (reference §8.4). */
  private ObjectNode details(IssueGate.Opened opened, Instant now) {
    Issue issue = opened.issue();
    ObjectNode out = IssueRenderer.render(issue, opened.project(), now);
    out.set("firstRelease", release(out, issue.firstRelease()));
    out.set("lastRelease", release(out, issue.lastRelease()));
    ArrayNode activity = out.putArray("activity");
    for (Activity a : issues.activity(issue.id(), 100)) {
      activity.addObject().put("id", String.valueOf(a.id())).putNull("user").put("type", a.type())
          .<ObjectNode>set("data", IssueRenderer.json(a.data())).put("dateCreated", ApiDates.seconds(a.dateCreated()));
    }
    for (String empty : List.of("seenBy", "participants", "pluginActions", "pluginIssues", "pluginContexts")) {
      out.putArray(empty);
    }
    out.put("userReportCount", 0);
    ArrayNode tags = out.putArray("tags");
    for (TagKeyCount key : issues.tagKeys(issue.id())) {
      tags.add(IssueTagsHandler.keyJson(key));
    }
    ObjectNode stats = out.putObject("stats");
    stats.set("24h", IssueRenderer.series(service.stats(List.of(issue), "24h", now).get(issue.id())));
    stats.set("30d", IssueRenderer.series(service.stats(List.of(issue), "30d", now).get(issue.id())));
    return out;
  }

  private static com.fasterxml.jackson.databind.JsonNode release(ObjectNode out, String version) {
    return version == null ? out.nullNode() : out.objectNode().put("version", version);
  }
}

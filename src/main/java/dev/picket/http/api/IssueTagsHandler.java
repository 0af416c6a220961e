package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.NotFound;
import dev.picket.model.StoredEvent;
import dev.picket.model.TagKeyCount;
import dev.picket.model.TagValueCount;
import dev.picket.protocol.EventJson;
import dev.picket.storage.EventStore;
import dev.picket.storage.IssueStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * An issue's tag facets ({@code /issues/{id}/tags/}, {@code /tags/{key}/values/}) and hashes
 * ({@code /issues/{id}/hashes/}). Keys are shown without the {@code sentry:} prefix
 * ({@code release}, {@code user}, {@code dist}) and accepted either way.
 */
public final class IssueTagsHandler {
  private static final int TOP_VALUES = 9;
  private static final Map<String, String> LABELS = Map.of("sentry:user", "User", "sentry:release", "Release",
      "sentry:dist", "Distribution", "os", "OS", "url", "URL", "server_name", "Server", "exc_type", "Exception Type");

  private final Requester requester;
  private final IssueGate gate;
  private final IssueStore issues;
  private final EventStore events;
  private final Pagination pagination;

  public IssueTagsHandler(Requester requester, IssueGate gate, IssueStore issues, EventStore events,
      Pagination pagination) {
    this.requester = requester;
    this.gate = gate;
    this.issues = issues;
    this.events = events;
    this.pagination = pagination;
  }

  public void tags(Context ctx) {
    long issueId = IssueDetailsHandler.open(gate, requester.of(ctx), ctx, Scopes.EVENT_READ).issue().id();
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (TagKeyCount key : issues.tagKeys(issueId)) {
      ObjectNode item = keyJson(key);
      ArrayNode top = item.putArray("topValues");
      issues.tagValues(issueId, key.key(), 0, TOP_VALUES).forEach(v -> top.add(valueJson(v)));
      body.add(item);
    }
    Json.write(ctx, 200, body);
  }

  public void values(Context ctx) {
    long issueId = IssueDetailsHandler.open(gate, requester.of(ctx), ctx, Scopes.EVENT_READ).issue().id();
    String key = stored(ctx.pathParam("key"));
    if (issues.tagKeys(issueId).stream().noneMatch(k -> k.key().equals(key))) {
      throw NotFound.resource();
    }
    Pagination.Page page = pagination.page(ctx);
    List<TagValueCount> values = issues.tagValues(issueId, key, page.offset(), page.limit() + 1);
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    values.stream().limit(page.limit()).forEach(v -> body.add(valueJson(v)));
    pagination.link(ctx, page, values.size() > page.limit());
    Json.write(ctx, 200, body);
  }

  /** Each hash with the newest of the issue's latest 100 events whose primary hash it is, or null. */
  public void hashes(Context ctx) {
    long issueId = IssueDetailsHandler.open(gate, requester.of(ctx), ctx, Scopes.EVENT_READ).issue().id();
    List<StoredEvent> recent = events.listForIssue(issueId, 0, 100);
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (String hash : issues.hashes(issueId)) {
      ObjectNode item = body.addObject().put("id", hash);
      item.set("latestEvent", recent.stream()
          .filter(e -> hash.equals(EventJson.readTree(e.payload()).path("hashes").path(0).asText(null)))
          .findFirst().map(e -> SimpleEventRenderer.render(e, false)).orElse(item.nullNode()));
    }
    Json.write(ctx, 200, body);
  }

  static ObjectNode keyJson(TagKeyCount key) {
    return JsonNodeFactory.instance.objectNode().put("key", shown(key.key())).put("name", label(key.key()))
        .put("uniqueValues", key.uniqueValues()).put("totalValues", key.totalValues());
  }

  private static ObjectNode valueJson(TagValueCount v) {
    return JsonNodeFactory.instance.objectNode().put("key", shown(v.key())).put("name", v.value())
        .put("value", v.value()).put("count", v.count())
        .put("lastSeen", ApiDates.seconds(v.lastSeen())).put("firstSeen", ApiDates.seconds(v.firstSeen()));
  }

  private static String shown(String key) {
    return key.startsWith("sentry:") ? key.substring(7) : key;
  }

  private static String stored(String key) {
    return List.of("user", "release", "dist").contains(key) ? "sentry:" + key : key;
  }

  /** Sentry's tag label: a known label, else the key with {@code _} as spaces in title case. */
  private static String label(String key) {
    if (LABELS.containsKey(key)) {
      return LABELS.get(key);
    }
    StringBuilder out = new StringBuilder();
    boolean start = true;
    for (char c : key.replace('_', ' ').toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }
}

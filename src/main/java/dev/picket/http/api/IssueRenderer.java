package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.ShortIds;
import dev.picket.model.Issue;
import dev.picket.model.IssueLifecycle;
import dev.picket.model.Project;
import dev.picket.protocol.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An issue as Sentry's stream group serializer shows it (reference §8.3). {@code permalink} is
 * null: it is only set for logged-in members, and token requests are never that.
 */
final class IssueRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private IssueRenderer() {}

  static ObjectNode render(Issue issue, Project project, Instant now) {
    String status = IssueLifecycle.effectiveStatus(issue, now);
    ObjectNode out = F.objectNode();
    out.put("id", String.valueOf(issue.id()));
    out.putNull("shareId");
    out.put("shortId", ShortIds.format(project.slug(), issue.shortIdNumber()));
    out.put("count", String.valueOf(issue.count()));
    out.put("userCount", issue.userCount());
    out.put("title", issue.summary().title());
    out.put("culprit", issue.summary().culprit());
    out.putNull("permalink");
    out.put("firstSeen", ApiDates.seconds(issue.firstSeen()));
    out.put("lastSeen", ApiDates.seconds(issue.lastSeen()));
    String logger = issue.summary().logger();
    out.put("logger", logger == null || logger.isEmpty() ? null : logger);
    out.put("level", issue.summary().level());
    out.put("status", status);
    out.set("statusDetails", status.equals(issue.status()) ? json(issue.statusDetails()) : F.objectNode());
    out.put("isPublic", false);
    out.set("project", F.objectNode().put("id", String.valueOf(project.id())).put("name", project.name())
        .put("slug", project.slug()));
    out.put("type", issue.summary().type());
    out.set("metadata", json(issue.summary().metadata()));
    out.put("numComments", 0);
    out.putNull("assignedTo");
    out.put("isBookmarked", false);
    out.put("isSubscribed", false);
    out.putNull("subscriptionDetails");
    out.put("hasSeen", false);
    out.putArray("annotations");
    return out;
  }

  static ArrayNode series(long[][] points) {
    ArrayNode out = F.arrayNode();
    if (points != null) {
      for (long[] point : points) {
        out.addArray().add(point[0]).add(point[1]);
      }
    }
    return out;
  }

  static JsonNode json(String text) {
    if (text == null || text.isEmpty()) {
      return F.objectNode();
    }
    JsonNode node = EventJson.readTree(text.getBytes(StandardCharsets.UTF_8));
    return node.isObject() ? node : F.objectNode();
  }
}

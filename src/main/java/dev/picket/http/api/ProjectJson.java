package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Team;
import java.util.List;

/**
 * A project in the API's shape: Sentry's project summary, and the detail with its organization
 * and teams. Membership is open, so every requester who reaches a project is a member of it.
 */
final class ProjectJson {
  private ProjectJson() {}

  static ObjectNode of(Project project) {
    ObjectNode out = Json.object()
        .put("id", String.valueOf(project.id()))
        .put("slug", project.slug())
        .put("name", project.name())
        .put("platform", project.platform())
        .put("groupingConfig", project.groupingConfig())
        .put("dateCreated", ApiDates.millis(project.dateCreated()))
        .put("isBookmarked", false)
        .put("isMember", true)
        .put("hasAccess", true)
        .put("isPublic", false)
        .put("status", "active");
    out.putArray("features");
    return out;
  }

  /** The summary with the organization ({@code GET /api/0/projects/} items). */
  static ObjectNode withOrganization(Project project, Organization org) {
    ObjectNode out = of(project);
    out.set("organization", OrganizationJson.summary(org));
    return out;
  }

  /** The detail: the summary with organization, {@code team} (the first owner) and {@code teams}. */
  static ObjectNode detail(Project project, Organization org, List<Team> teams) {
    ObjectNode out = withOrganization(project, org);
    ArrayNode list = out.putArray("teams");
    teams.forEach(t -> list.add(TeamJson.of(t)));
    out.set("team", teams.isEmpty() ? null : TeamJson.of(teams.get(0)));
    return out;
  }

  static ArrayNode list(List<Project> projects) {
    ArrayNode out = Json.object().arrayNode();
    projects.forEach(p -> out.add(of(p)));
    return out;
  }
}

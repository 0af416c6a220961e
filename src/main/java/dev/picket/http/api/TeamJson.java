package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.Team;

/** A team in Sentry's shape (open membership: every member of the organization is on it). */
final class TeamJson {
  private TeamJson() {}

  static ObjectNode of(Team team) {
    ObjectNode out = Json.object()
        .put("id", String.valueOf(team.id()))
        .put("slug", team.slug())
        .put("name", team.name())
        .put("dateCreated", ApiDates.millis(team.dateCreated()))
        .put("isMember", true)
        .put("hasAccess", true)
        .put("isPending", false);
    out.putObject("avatar").put("avatarType", "letter_avatar").putNull("avatarUuid");
    return out;
  }
}

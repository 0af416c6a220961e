package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.Member;
import dev.picket.model.Organization;

/** Organizations and members in Sentry's shapes. */
final class OrganizationJson {
  private OrganizationJson() {}

  static ObjectNode summary(Organization org) {
    ObjectNode out = Json.object()
        .put("id", String.valueOf(org.id()))
        .put("slug", org.slug())
        .put("name", org.name())
        .put("dateCreated", ApiDates.millis(org.dateCreated()))
        .put("isEarlyAdopter", false)
        .put("require2FA", false);
    out.putObject("status").put("id", "active").put("name", "active");
    out.putObject("avatar").put("avatarType", "letter_avatar").putNull("avatarUuid");
    out.putArray("features");
    return out;
  }

  static ObjectNode member(Member member) {
    String role = member.role().wireName();
    ObjectNode out = Json.object()
        .put("id", String.valueOf(member.id()))
        .put("email", member.email())
        .put("name", member.email())
        .put("role", role)
        .put("orgRole", role)
        .put("roleName", Character.toUpperCase(role.charAt(0)) + role.substring(1))
        .put("pending", false)
        .put("expired", false)
        .put("inviteStatus", "approved")
        .put("dateCreated", ApiDates.millis(member.dateCreated()));
    out.putObject("user")
        .put("id", String.valueOf(member.userId()))
        .put("email", member.email())
        .put("username", member.email())
        .put("name", member.email());
    out.putArray("teams");
    return out;
  }
}

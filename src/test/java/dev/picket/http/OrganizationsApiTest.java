package dev.picket.http;

import static dev.picket.http.IssuesApiTest.get;
import static dev.picket.http.IssuesApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.Scopes;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sentry's organization and member endpoints: bodies, statuses, scopes, pagination, and another
 * organization's credentials refused without data. Shared helpers for {@link TeamsProjectsApiTest}.
 */
class OrganizationsApiTest extends SqliteServerTest {
  static final String ALL = String.join(",", Scopes.ALL);
  static final String READ = "org:read,member:read,team:read,project:read,event:read";

  static HttpResponse<String> call(String method, String path, String token, String body) {
    return IssuesApiTest.send(method, path, token, body);
  }

  static String org(Project project) {
    return server.organizationOf(project).slug();
  }

  static String base(Project project) {
    return IssuesApiTest.base(project);
  }

  static List<String> field(JsonNode list, String name) {
    List<String> values = new ArrayList<>();
    list.forEach(i -> values.add(i.get(name).asText()));
    return values;
  }

  static String email() {
    return UUID.randomUUID() + "@example.com";
  }

  /** Asserts a refusal of another organization's owner: 403 and nothing of the organization shown. */
  static void refused(HttpResponse<String> response, Project project) {
    assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
    assertThat(response.body()).doesNotContain(org(project)).doesNotContain("\"web\"");
  }

  @Test
  void organizations_listDetailAndUpdate_forMembersOnly() throws Exception {
    Project project = server.newProject();
    Project elsewhere = server.newProject();
    String owner = server.token(project, Role.OWNER, ALL);
    String outsider = server.token(elsewhere, Role.OWNER, ALL);

    JsonNode list = json(get("/api/0/organizations/", owner), 200);
    assertThat(field(list, "slug")).containsExactly(org(project));
    assertThat(list.get(0).get("status").get("id").asText()).isEqualTo("active");
    assertThat(get("/api/0/organizations/", outsider).body()).doesNotContain(org(project));

    JsonNode detail = json(get("/api/0/organizations/" + org(project) + "/", owner), 200);
    assertThat(detail.get("id").asText()).isEqualTo(String.valueOf(project.organizationId()));
    assertThat(detail.get("role").asText()).isEqualTo("owner");
    assertThat(detail.get("access").toString()).contains("org:write", "member:admin");
    assertThat(field(detail.get("teams"), "slug")).containsExactly(org(project));
    assertThat(field(detail.get("projects"), "slug")).containsExactly("web");

    JsonNode renamed = json(call("PUT", "/api/0/organizations/" + org(project) + "/", owner,
        "{\"name\":\"Renamed Inc\"}"), 200);
    assertThat(renamed.get("name").asText()).isEqualTo("Renamed Inc");
    assertThat(call("PUT", "/api/0/organizations/" + org(project) + "/", owner,
        "{\"slug\":\"" + org(elsewhere) + "\"}").statusCode()).isEqualTo(409);
    assertThat(call("PUT", "/api/0/organizations/" + org(project) + "/", owner,
        "{\"slug\":\"Not A Slug\"}").statusCode()).isEqualTo(400);

    String member = server.token(project, Role.MEMBER, READ);
    assertThat(json(call("PUT", "/api/0/organizations/" + org(project) + "/", member, "{\"name\":\"x\"}"), 403)
        .get("detail").asText()).isEqualTo("You do not have permission to perform this action.");
    refused(get("/api/0/organizations/" + org(project) + "/", outsider), project);
    refused(call("PUT", "/api/0/organizations/" + org(project) + "/", outsider, "{\"name\":\"pwned\"}"), project);
    assertThat(json(get("/api/0/organizations/" + org(project) + "/", owner), 200).get("name").asText())
        .isEqualTo("Renamed Inc");
    assertThat(get("/api/0/organizations/", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/0/organizations/nope-" + UUID.randomUUID() + "/", owner).statusCode()).isEqualTo(404);
  }

  @Test
  void organizations_anApiKeySeesOnlyItsOwn() throws Exception {
    Project project = server.newProject();
    server.newProject();
    String key = server.app().admin().createApiKey(org(project), "org:read");
    String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes());

    HttpResponse<String> response = server.get("/api/0/organizations/", basic);
    assertThat(field(json(response, 200), "slug")).containsExactly(org(project));
  }

  @Test
  void organizations_createdBySuperusersOnly_whoBecomeOwners() throws Exception {
    String email = email();
    server.app().admin().createUser(email, "password", true);
    String superuser = server.app().admin().createToken(email, ALL);
    Project project = server.newProject();
    String owner = server.token(project, Role.OWNER, ALL);
    String name = "Acme " + UUID.randomUUID().toString().substring(0, 8);

    assertThat(json(call("POST", "/api/0/organizations/", owner, "{\"name\":\"" + name + "\"}"), 403)
        .get("detail").asText()).isEqualTo("Organizations are not allowed to be created by this user.");
    JsonNode created = json(call("POST", "/api/0/organizations/", superuser, "{\"name\":\"" + name + "\"}"), 201);
    String slug = name.toLowerCase().replace(' ', '-');
    assertThat(created.get("slug").asText()).isEqualTo(slug);
    assertThat(created.get("role").asText()).isEqualTo("owner");
    assertThat(field(json(get("/api/0/organizations/", superuser), 200), "slug")).contains(slug);
    assertThat(call("POST", "/api/0/organizations/", superuser, "{\"name\":\"" + name + "\"}").statusCode())
        .isEqualTo(409);
    assertThat(call("POST", "/api/0/organizations/", superuser, "{}").statusCode()).isEqualTo(400);
  }

  @Test
  void members_addChangeRemove_withinOnesOwnRole() throws Exception {
    Project project = server.newProject();
    String members = "/api/0/organizations/" + org(project) + "/members/";
    String manager = server.token(project, Role.MANAGER, ALL);
    String newcomer = email();
    server.app().admin().createUser(newcomer, "password", false);

    assertThat(json(call("POST", members, manager, "{\"email\":\"" + newcomer + "\",\"role\":\"owner\"}"), 403)
        .get("role").asText()).isEqualTo("You do not have permission to invite that role.");
    JsonNode added = json(call("POST", members, manager, "{\"email\":\"" + newcomer + "\",\"role\":\"admin\"}"), 201);
    assertThat(added.get("email").asText()).isEqualTo(newcomer);
    assertThat(added.get("role").asText()).isEqualTo("admin");
    assertThat(added.get("user").get("email").asText()).isEqualTo(newcomer);
    assertThat(call("POST", members, manager, "{\"email\":\"" + newcomer + "\"}").statusCode()).isEqualTo(409);
    assertThat(call("POST", members, manager, "{\"email\":\"" + email() + "\"}").statusCode()).isEqualTo(400);
    assertThat(call("POST", members, manager, "{\"email\":\"" + newcomer + "\",\"role\":\"boss\"}").statusCode())
        .isEqualTo(400);

    String id = added.get("id").asText();
    assertThat(json(call("PUT", members + id + "/", manager, "{\"role\":\"member\"}"), 200).get("role").asText())
        .isEqualTo("member");
    assertThat(call("PUT", members + id + "/", manager, "{\"orgRole\":\"owner\"}").statusCode()).isEqualTo(403);
    assertThat(json(get(members + id + "/", manager), 200).get("role").asText()).isEqualTo("member");
    assertThat(json(get(members + "me/", manager), 200).get("role").asText()).isEqualTo("manager");

    String member = server.token(project, Role.MEMBER, READ);
    assertThat(field(json(get(members, member), 200), "email")).contains(newcomer);
    assertThat(call("POST", members, member, "{\"email\":\"" + newcomer + "\"}").statusCode()).isEqualTo(403);
    assertThat(call("DELETE", members + id + "/", member, null).statusCode()).isEqualTo(403);

    assertThat(call("DELETE", members + id + "/", manager, null).statusCode()).isEqualTo(204);
    assertThat(field(json(get(members, manager), 200), "email")).doesNotContain(newcomer);
    assertThat(get(members + id + "/", manager).statusCode()).isEqualTo(404);
  }

  @Test
  void members_mayLeaveWithoutMemberAdmin() throws Exception {
    Project project = server.newProject();
    String members = "/api/0/organizations/" + org(project) + "/members/";
    String owner = server.token(project, Role.OWNER, ALL);
    String member = server.token(project, Role.MEMBER, READ);
    String ownerId = json(get(members + "me/", owner), 200).get("id").asText();

    assertThat(call("DELETE", members + ownerId + "/", member, null).statusCode()).isEqualTo(403);
    assertThat(call("DELETE", members + "me/", member, null).statusCode()).isEqualTo(204);
    assertThat(get("/api/0/organizations/" + org(project) + "/", member).statusCode()).isEqualTo(403);
  }

  @Test
  void members_theLastOwnerStays_andListsPaginate() throws Exception {
    Project project = server.newProject();
    String members = "/api/0/organizations/" + org(project) + "/members/";
    String owner = server.token(project, Role.OWNER, ALL);
    for (int i = 0; i < 2; i++) {
      server.token(project, Role.MEMBER, READ);
    }
    JsonNode me = json(get(members + "me/", owner), 200);
    assertThat(call("DELETE", members + me.get("id").asText() + "/", owner, null).statusCode()).isEqualTo(403);
    assertThat(call("PUT", members + me.get("id").asText() + "/", owner, "{\"role\":\"member\"}").statusCode())
        .isEqualTo(403);

    HttpResponse<String> first = get(members + "?per_page=2", owner);
    assertThat(json(first, 200)).hasSize(2);
    assertThat(first.headers().firstValue("Link").orElseThrow())
        .contains("rel=\"previous\"; results=\"false\"").contains("rel=\"next\"; results=\"true\"; cursor=\"0:2:0\"");
    HttpResponse<String> second = get(members + "?per_page=2&cursor=0:2:0", owner);
    assertThat(json(second, 200)).hasSize(1);
    assertThat(second.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"; results=\"false\"");
  }

  @Test
  void members_areRefusedToAnotherOrganization() {
    Project project = server.newProject();
    String outsider = server.token(server.newProject(), Role.OWNER, ALL);
    String members = "/api/0/organizations/" + org(project) + "/members/";
    String me = server.token(project, Role.OWNER, ALL);
    String id = json0(get(members + "me/", me)).get("id").asText();

    refused(get(members, outsider), project);
    refused(get(members + id + "/", outsider), project);
    refused(call("POST", members, outsider, "{\"email\":\"x@example.com\"}"), project);
    refused(call("PUT", members + id + "/", outsider, "{\"role\":\"member\"}"), project);
    refused(call("DELETE", members + id + "/", outsider, null), project);
    assertThat(get(members + id + "/", me).statusCode()).isEqualTo(200);
  }

  private static JsonNode json0(HttpResponse<String> response) {
    try {
      return json(response, 200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

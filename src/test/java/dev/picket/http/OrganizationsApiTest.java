package dev.picket.http;

import static dev.picket.http.IssuesApiTest.get;
import static dev.picket.http.IssuesApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.Scopes;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sentry's organization, member, team, project, environment and project-user endpoints: bodies,
 * statuses, scopes, pagination, and another organization's credentials refused without data.
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

  @Test
  void teams_listCreateDetailDelete_andTheirProjects() throws Exception {
    Project project = server.newProject();
    String teams = "/api/0/organizations/" + org(project) + "/teams/";
    String admin = server.token(project, Role.ADMIN, ALL);
    String member = server.token(project, Role.MEMBER, READ);
    String outsider = server.token(server.newProject(), Role.OWNER, ALL);

    JsonNode created = json(call("POST", teams, admin, "{\"name\":\"Back End\"}"), 201);
    assertThat(created.get("slug").asText()).isEqualTo("back-end");
    assertThat(call("POST", teams, admin, "{\"slug\":\"back-end\"}").statusCode()).isEqualTo(409);
    assertThat(call("POST", teams, member, "{\"slug\":\"nope\"}").statusCode()).isEqualTo(403);
    assertThat(field(json(get(teams, member), 200), "slug")).containsExactly("back-end", org(project));

    String team = "/api/0/teams/" + org(project) + "/back-end/";
    JsonNode detail = json(get(team, member), 200);
    assertThat(detail.get("organization").get("slug").asText()).isEqualTo(org(project));
    JsonNode made = json(call("POST", team + "projects/", admin, "{\"name\":\"Api Server\",\"platform\":\"java\"}"), 201);
    assertThat(made.get("slug").asText()).isEqualTo("api-server");
    assertThat(made.get("platform").asText()).isEqualTo("java");
    assertThat(made.get("team").get("slug").asText()).isEqualTo("back-end");
    long madeId = made.get("id").asLong();
    assertThat(server.app().storage().projects().keys(madeId)).hasSize(1);
    assertThat(call("POST", team + "projects/", admin, "{\"name\":\"Api Server\"}").statusCode()).isEqualTo(409);
    assertThat(call("POST", team + "projects/", member, "{\"name\":\"Other\"}").statusCode()).isEqualTo(403);
    assertThat(field(json(get(team + "projects/", member), 200), "slug")).containsExactly("api-server");

    refused(get(teams, outsider), project);
    refused(call("POST", teams, outsider, "{\"slug\":\"evil\"}"), project);
    refused(get(team, outsider), project);
    refused(get(team + "projects/", outsider), project);
    refused(call("POST", team + "projects/", outsider, "{\"name\":\"evil\"}"), project);
    refused(call("DELETE", team, outsider, null), project);
    assertThat(call("DELETE", team, member, null).statusCode()).isEqualTo(403);

    assertThat(call("DELETE", team, admin, null).statusCode()).isEqualTo(204);
    assertThat(get(team, admin).statusCode()).isEqualTo(404);
    assertThat(get("/api/0/projects/" + org(project) + "/api-server/", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void projects_listDetailUpdateDelete() throws Exception {
    Project project = server.newProject();
    Project elsewhere = server.newProject();
    String admin = server.token(project, Role.ADMIN, ALL);
    String writer = server.token(project, Role.ADMIN, "project:read,project:write");
    String outsider = server.token(elsewhere, Role.OWNER, ALL);
    String path = base(project) + "/";

    JsonNode all = json(get("/api/0/projects/", admin), 200);
    assertThat(field(all, "slug")).containsExactly("web");
    assertThat(all.get(0).get("organization").get("slug").asText()).isEqualTo(org(project));
    assertThat(field(json(get("/api/0/organizations/" + org(project) + "/projects/", admin), 200), "slug"))
        .containsExactly("web");
    JsonNode detail = json(get(path, admin), 200);
    assertThat(detail.get("id").asText()).isEqualTo(String.valueOf(project.id()));
    assertThat(detail.get("organization").get("slug").asText()).isEqualTo(org(project));
    assertThat(detail.get("teams").get(0).get("slug").asText()).isEqualTo(org(project));
    assertThat(detail.get("platform").isNull()).isTrue();

    JsonNode updated = json(call("PUT", path, writer,
        "{\"name\":\"Shop\",\"slug\":\"shop\",\"platform\":\"python\",\"groupingConfig\":\"newstyle:2023-01-11\"}"), 200);
    assertThat(updated.get("slug").asText()).isEqualTo("shop");
    assertThat(updated.get("name").asText()).isEqualTo("Shop");
    assertThat(updated.get("platform").asText()).isEqualTo("python");
    assertThat(updated.get("groupingConfig").asText()).isEqualTo("newstyle:2023-01-11");
    String shop = "/api/0/projects/" + org(project) + "/shop/";
    assertThat(get(path, admin).statusCode()).isEqualTo(404);
    assertThat(call("PUT", shop, writer, "{\"groupingConfig\":\"nope\"}").statusCode()).isEqualTo(400);

    HttpResponse<String> theirs = get("/api/0/projects/", outsider);
    assertThat(theirs.statusCode()).isEqualTo(200);
    assertThat(theirs.body()).doesNotContain(org(project)).doesNotContain(String.valueOf("\"" + project.id() + "\""));
    refused(get("/api/0/organizations/" + org(project) + "/projects/", outsider), project);
    refused(get(shop, outsider), project);
    refused(call("PUT", shop, outsider, "{\"name\":\"pwned\"}"), project);
    refused(call("DELETE", shop, outsider, null), project);
    assertThat(call("DELETE", shop, writer, null).statusCode()).isEqualTo(403);

    assertThat(call("DELETE", shop, admin, null).statusCode()).isEqualTo(204);
    assertThat(get(shop, admin).statusCode()).isEqualTo(404);
    assertThat(json(get("/api/0/projects/", admin), 200)).isEmpty();
  }

  @Test
  void projects_listsPaginate() throws Exception {
    Project project = server.newProject();
    String owner = server.token(project, Role.OWNER, ALL);
    for (String slug : new String[] {"a1", "a2"}) {
      server.app().admin().createProject(org(project), slug, slug);
    }
    HttpResponse<String> first = get("/api/0/organizations/" + org(project) + "/projects/?per_page=2", owner);
    assertThat(field(json(first, 200), "slug")).containsExactly("a1", "a2");
    String next = "/api/0/organizations/" + org(project) + "/projects/?per_page=2&cursor=0:2:0";
    assertThat(field(json(get(next, owner), 200), "slug")).containsExactly("web");
    assertThat(field(json(get("/api/0/projects/?per_page=2&cursor=0:2:0", owner), 200), "slug"))
        .containsExactly("web");
  }

  @Test
  void environmentsAndUsers_comeFromTheProjectsEvents() throws Exception {
    Project project = server.newProject();
    String admin = server.token(project, Role.ADMIN, ALL);
    String outsider = server.token(server.newProject(), Role.OWNER, ALL);
    IssuesApiTest.send(project, "a", ",\"environment\":\"prod\",\"user\":{\"id\":\"u1\"}");
    IssuesApiTest.send(project, "b", ",\"environment\":\"dev\",\"user\":{\"email\":\"x@example.com\"}");
    IssuesApiTest.send(project, "a", ",\"environment\":\"prod\",\"user\":{\"id\":\"u1\"}");
    String envs = base(project) + "/environments/";

    JsonNode list = json(get(envs, admin), 200);
    assertThat(field(list, "name")).containsExactly("dev", "prod");
    assertThat(list.get(0).get("isHidden").asBoolean()).isFalse();
    assertThat(json(call("PUT", envs + "dev/", admin, "{\"isHidden\":true}"), 200).get("isHidden").asBoolean())
        .isTrue();
    assertThat(field(json(get(envs, admin), 200), "name")).containsExactly("prod");
    assertThat(field(json(get(envs + "?visibility=hidden", admin), 200), "name")).containsExactly("dev");
    assertThat(field(json(get(envs + "?visibility=all", admin), 200), "name")).containsExactly("dev", "prod");
    assertThat(get(envs + "?visibility=odd", admin).statusCode()).isEqualTo(400);
    assertThat(call("PUT", envs + "staging/", admin, "{\"isHidden\":true}").statusCode()).isEqualTo(404);
    assertThat(call("PUT", envs + "dev/", admin, "{}").statusCode()).isEqualTo(400);

    String users = base(project) + "/users/";
    HttpResponse<String> first = get(users + "?per_page=1", admin);
    JsonNode page = json(first, 200);
    assertThat(field(page, "tagValue")).containsExactly("email:x@example.com");
    assertThat(page.get(0).get("email").asText()).isEqualTo("x@example.com");
    assertThat(first.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"; results=\"true\"");
    JsonNode second = json(get(users + "?per_page=1&cursor=0:1:0", admin), 200);
    assertThat(second.get(0).get("id").asText()).isEqualTo("u1");

    refused(get(envs, outsider), project);
    refused(call("PUT", envs + "dev/", outsider, "{\"isHidden\":false}"), project);
    refused(get(users, outsider), project);
    assertThat(field(json(get(envs, admin), 200), "name")).containsExactly("prod");
  }

  private static JsonNode json0(HttpResponse<String> response) {
    try {
      return json(response, 200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

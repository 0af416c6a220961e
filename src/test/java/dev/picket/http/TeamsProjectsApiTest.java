package dev.picket.http;

import static dev.picket.http.IssuesApiTest.get;
import static dev.picket.http.IssuesApiTest.json;
import static dev.picket.http.OrganizationsApiTest.ALL;
import static dev.picket.http.OrganizationsApiTest.READ;
import static dev.picket.http.OrganizationsApiTest.base;
import static dev.picket.http.OrganizationsApiTest.call;
import static dev.picket.http.OrganizationsApiTest.field;
import static dev.picket.http.OrganizationsApiTest.org;
import static dev.picket.http.OrganizationsApiTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Sentry's team, project, environment and project-user endpoints: bodies, statuses, scopes,
 * pagination, and another organization's credentials refused without data.
 */
class TeamsProjectsApiTest extends SqliteServerTest {
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
}

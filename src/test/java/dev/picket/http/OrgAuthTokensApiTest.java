package dev.picket.http;

import static dev.picket.http.ApiCalls.call;
import static dev.picket.http.ApiCalls.json;
import static dev.picket.http.ProjectKeysApiTest.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.Secrets;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/0/organizations/{org}/org-auth-tokens/} and authentication with {@code sntrys_} tokens. */
class OrgAuthTokensApiTest extends SqliteServerTest {
  static Project project;
  static Project otherProject;
  static String org;
  static String tokens;
  static String manager;

  @BeforeAll
  static void setUp() {
    project = server.newProject();
    otherProject = server.newProject();
    org = server.organizationOf(project).slug();
    tokens = "/api/0/organizations/" + org + "/org-auth-tokens/";
    manager = server.token(project, Role.MANAGER, "org:read,org:write");
  }

  @Test
  void roundTrip_createParseUseListDelete() throws Exception {
    HttpResponse<String> response = call(server, "POST", tokens, manager, "{\"name\": \"CI uploads\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode created = json(response);
    List<String> fields = new ArrayList<>();
    created.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "name", "scopes", "tokenLastCharacters", "dateCreated",
        "dateLastUsed", "projectLastUsedId", "token");
    assertThat(created.get("name").asText()).isEqualTo("CI uploads");
    assertThat(created.get("scopes").toString()).isEqualTo("[\"org:ci\",\"project:releases\"]");
    assertThat(created.get("dateLastUsed").isNull()).isTrue();

    String token = created.get("token").asText();
    assertThat(token).startsWith("sntrys_");
    String[] parts = token.substring("sntrys_".length()).split("_");
    assertThat(parts).hasSize(2);
    assertThat(parts[0]).doesNotContain("=");
    JsonNode payload = ApiCalls.JSON.readTree(new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    assertThat(payload.get("url").asText()).isEqualTo("http://127.0.0.1");
    assertThat(payload.get("region_url").asText()).isEqualTo("http://127.0.0.1");
    assertThat(payload.get("org").asText()).isEqualTo(org);
    assertThat(payload.get("iat").isNumber()).isTrue();
    assertThat(Base64.getDecoder().decode(parts[1])).hasSize(32);
    assertThat(created.get("tokenLastCharacters").asText()).isEqualTo(token.substring(token.length() - 4));
    assertThat(server.app().storage().auth().findOrgToken(Secrets.sha256(token))).isPresent();

    JsonNode index = json(call(server, "GET", "/api/0/", token, null));
    assertThat(index.get("auth").get("scopes").toString()).isEqualTo("[\"org:ci\",\"project:releases\"]");
    assertThat(index.get("user").isNull()).isTrue();

    JsonNode list = json(call(server, "GET", tokens, manager, null));
    JsonNode listed = find(list, created.get("id").asText());
    assertThat(listed.has("token")).isFalse();
    assertThat(listed.get("dateLastUsed").asText()).endsWith("Z");
    assertThat(list.toString()).doesNotContain(token);
    assertThat(json(call(server, "GET", tokens + created.get("id").asText() + "/", manager, null)))
        .isEqualTo(listed);

    assertThat(call(server, "PUT", tokens + created.get("id").asText() + "/", manager, "{\"name\": \"Renamed\"}")
        .statusCode()).isEqualTo(204);
    assertThat(json(call(server, "GET", tokens + created.get("id").asText() + "/", manager, null)).get("name").asText())
        .isEqualTo("Renamed");

    assertThat(call(server, "DELETE", tokens + created.get("id").asText() + "/", manager, null).statusCode())
        .isEqualTo(204);
    assertDetail(call(server, "GET", "/api/0/", token, null), 401, "Invalid org token");
    assertDetail(call(server, "DELETE", tokens + created.get("id").asText() + "/", manager, null), 404,
        "The requested resource does not exist");
  }

  @Test
  void unknownOrgToken_is401InvalidOrgToken() {
    String forged = Secrets.newOrgToken("http://127.0.0.1", org, java.time.Instant.now());
    HttpResponse<String> response = call(server, "GET", "/api/0/", forged, null);
    assertDetail(response, 401, "Invalid org token");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("xBasic realm=\"api\"");
  }

  @Test
  void anOrgToken_isBoundToItsOrganization() {
    String token = server.app().admin().createOrgToken(org, "CI");
    String other = server.organizationOf(otherProject).slug();
    // Its scopes do not include project:read, so reading keys is refused even in its own organization.
    assertDetail(call(server, "GET", "/api/0/projects/" + org + "/" + project.slug() + "/keys/", token, null), 403,
        "You do not have permission to perform this action.");
    // Another organization's issues: org:ci / project:releases are not event scopes; and a token with
    // a wanted scope is still stopped at the organization.
    assertDetail(call(server, "GET", "/api/0/organizations/" + other + "/org-auth-tokens/", token, null), 403,
        "You do not have permission to perform this action.");
    var stored = server.app().storage().auth().findOrgToken(Secrets.sha256(token)).orElseThrow();
    String wide = Secrets.newOrgToken("http://127.0.0.1", org, java.time.Instant.now());
    server.app().storage().auth().createOrgToken(stored.organizationId(), "wide", Secrets.sha256(wide), "wxyz",
        java.util.Set.of("org:read", "project:read"));
    assertThat(call(server, "GET", "/api/0/projects/" + org + "/" + project.slug() + "/keys/", wide, null)
        .statusCode()).isEqualTo(200);
    HttpResponse<String> foreign = call(server, "GET",
        "/api/0/projects/" + other + "/" + otherProject.slug() + "/keys/", wide, null);
    assertDetail(foreign, 403, "You do not have permission to perform this action.");
    assertThat(foreign.body()).doesNotContain(server.key(otherProject).publicKey());
    assertDetail(call(server, "GET", "/api/0/organizations/" + other + "/org-auth-tokens/", wide, null), 403,
        "You do not have permission to perform this action.");
  }

  @Test
  void scopes_andOtherOrganizations_areEnforced() {
    String member = server.token(project, Role.MEMBER, "org:read,org:write");
    assertDetail(call(server, "GET", tokens, null, null), 401, "Authentication credentials were not provided.");
    assertThat(call(server, "GET", tokens, member, null).statusCode()).isEqualTo(200);
    // A member's role has no org:write, whatever the token says.
    assertDetail(call(server, "POST", tokens, member, "{\"name\": \"x\"}"), 403,
        "You do not have permission to perform this action.");
    assertDetail(call(server, "POST", tokens, server.token(project, Role.OWNER, "org:read"), "{\"name\": \"x\"}"), 403,
        "You do not have permission to perform this action.");

    String id = json(call(server, "POST", tokens, manager, "{\"name\": \"kept\"}")).get("id").asText();
    String outsider = server.token(otherProject, Role.OWNER, "org:read,org:write,org:admin");
    for (String[] c : new String[][] {{"GET", tokens}, {"POST", tokens}, {"GET", tokens + id + "/"},
        {"PUT", tokens + id + "/"}, {"DELETE", tokens + id + "/"}}) {
      HttpResponse<String> response = call(server, c[0], c[1], outsider, "{\"name\": \"x\"}");
      assertThat(response.statusCode()).as(c[0] + " " + c[1]).isEqualTo(403);
      assertThat(response.body()).doesNotContain("kept");
    }
    String otherTokens = "/api/0/organizations/" + server.organizationOf(otherProject).slug() + "/org-auth-tokens/";
    assertDetail(call(server, "GET", otherTokens + id + "/", outsider, null), 404,
        "The requested resource does not exist");
    assertDetail(call(server, "GET", "/api/0/organizations/no-such-org/org-auth-tokens/", manager, null), 404,
        "The requested resource does not exist");
  }

  @Test
  void create_needsAName() {
    HttpResponse<String> response = call(server, "POST", tokens, manager, "{\"name\": \"  \"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"detail\":\"The name cannot be blank.\"}");
  }

  private static JsonNode find(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no token " + id + " in " + list);
  }
}

package dev.picket.http;

import static dev.picket.http.ApiCalls.call;
import static dev.picket.http.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/0/projects/{org}/{project}/keys/}: shapes, scopes and another organization refused. */
class ProjectKeysApiTest extends SqliteServerTest {
  static Project project;
  static Project otherProject;
  static String keys;
  static String admin;

  @BeforeAll
  static void setUp() {
    project = server.newProject();
    otherProject = server.newProject();
    keys = "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug() + "/keys/";
    admin = server.token(project, Role.ADMIN, "project:read,project:write,project:admin");
  }

  @Test
  void theDefaultKey_isListedInSentrysShape() {
    Project fresh = server.newProject();
    ProjectKey key = server.key(fresh);
    String path = "/api/0/projects/" + server.organizationOf(fresh).slug() + "/" + fresh.slug() + "/keys/";
    HttpResponse<String> response = call(server, "GET", path, server.token(fresh, Role.MEMBER, "project:read"), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body).hasSize(1);
    JsonNode first = body.get(0);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "name", "label", "public", "secret", "projectId", "isActive",
        "rateLimit", "dsn", "dateCreated");
    String pub = key.publicKey();
    String base = "http://127.0.0.1";
    long pid = fresh.id();
    assertThat(first.get("id").asText()).isEqualTo(pub);
    assertThat(first.get("name").asText()).isEqualTo("Default");
    assertThat(first.get("label").asText()).isEqualTo("Default");
    assertThat(first.get("secret").asText()).isEqualTo(key.secretKey());
    assertThat(first.get("projectId").isIntegralNumber()).isTrue();
    assertThat(first.get("projectId").asLong()).isEqualTo(pid);
    assertThat(first.get("isActive").asBoolean()).isTrue();
    assertThat(first.get("rateLimit").isNull()).isTrue();
    assertThat(first.get("dateCreated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
    JsonNode dsn = first.get("dsn");
    assertThat(dsn.get("public").asText()).isEqualTo("http://" + pub + "@127.0.0.1/" + pid);
    assertThat(dsn.get("secret").asText()).isEqualTo("http://" + pub + ":" + key.secretKey() + "@127.0.0.1/" + pid);
    assertThat(dsn.get("csp").asText()).isEqualTo(base + "/api/" + pid + "/csp-report/?sentry_key=" + pub);
    assertThat(dsn.get("security").asText()).isEqualTo(base + "/api/" + pid + "/security/?sentry_key=" + pub);
    assertThat(dsn.get("minidump").asText()).isEqualTo(base + "/api/" + pid + "/minidump/?sentry_key=" + pub);
    assertThat(dsn.get("unreal").asText()).isEqualTo(base + "/api/" + pid + "/unreal/" + pub + "/");
    assertThat(dsn.get("cdn").asText()).isEqualTo(base + "/js-sdk-loader/" + pub + ".min.js");
    assertThat(response.headers().firstValue("Link")).isPresent();
  }

  @Test
  void create_withGivenKeysAndRateLimit_answers201AndTheKeyWorksForIngest() {
    String pub = "cec9dfceb0b74c1c9a5e3c135585f364";
    HttpResponse<String> response = call(server, "POST", keys, admin,
        "{\"name\": \"Fabulous Key\", \"public\": \"" + pub + "\", \"secret\": \"4f6a592349e249c5906918393766718d\","
            + " \"rateLimit\": {\"window\": 60, \"count\": 10}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode key = json(response);
    assertThat(key.get("id").asText()).isEqualTo(pub);
    assertThat(key.get("name").asText()).isEqualTo("Fabulous Key");
    assertThat(key.get("secret").asText()).isEqualTo("4f6a592349e249c5906918393766718d");
    assertThat(key.get("rateLimit").toString()).isEqualTo("{\"window\":60,\"count\":10}");

    HttpResponse<String> event = server.send(server.request("/api/" + project.id() + "/store/?sentry_key=" + pub)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"message\": \"via a new key\"}")).build());
    assertThat(event.statusCode()).as(event.body()).isEqualTo(200);

    HttpResponse<String> again = call(server, "POST", keys, admin, "{\"public\": \"" + pub + "\"}");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).isEqualTo("{\"public\":[\"A key with this public key already exists.\"]}");
  }

  @Test
  void create_withoutName_fallsBackToThePublicKeysStart_andNewestIsListedFirst() {
    JsonNode key = json(call(server, "POST", keys, admin, "{}"));
    String pub = key.get("public").asText();
    assertThat(pub).matches("[0-9a-f]{32}");
    assertThat(key.get("name").asText()).isEqualTo(pub.substring(0, 14));
    assertThat(key.get("label").asText()).isEqualTo(pub.substring(0, 14));

    JsonNode list = json(call(server, "GET", keys, admin, null));
    assertThat(list.get(0).get("id").asText()).isEqualTo(pub);
  }

  @Test
  void create_refusesBadFields() {
    HttpResponse<String> response = call(server, "POST", keys, admin,
        "{\"name\": \"" + "x".repeat(201) + "\", \"public\": \"XYZ\", \"rateLimit\": {\"window\": -1}}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"name\":[\"Ensure this field has no more than 200 characters.\"],"
        + "\"public\":[\"This value does not match the required pattern.\"],"
        + "\"rateLimit\":{\"window\":[\"Ensure this value is greater than or equal to 0.\"]}}");
  }

  @Test
  void update_renamesDeactivatesAndLimits_thenStatusFilters() {
    String pub = json(call(server, "POST", keys, admin, "{\"name\": \"Temp\"}")).get("id").asText();
    HttpResponse<String> response = call(server, "PUT", keys + pub + "/", admin,
        "{\"name\": \"Renamed\", \"isActive\": false, \"rateLimit\": {\"window\": 3600, \"count\": 5}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode key = json(response);
    assertThat(key.get("name").asText()).isEqualTo("Renamed");
    assertThat(key.get("isActive").asBoolean()).isFalse();
    assertThat(key.get("rateLimit").toString()).isEqualTo("{\"window\":3600,\"count\":5}");
    assertThat(json(call(server, "GET", keys + pub + "/", admin, null))).isEqualTo(key);

    assertThat(ids(call(server, "GET", keys + "?status=inactive", admin, null))).contains(pub);
    assertThat(ids(call(server, "GET", keys + "?status=active", admin, null))).doesNotContain(pub)
        .contains(server.key(project).publicKey());
    assertThat(json(call(server, "GET", keys + "?status=other", admin, null))).isEmpty();

    JsonNode cleared = json(call(server, "PUT", keys + pub + "/", admin, "{\"rateLimit\": null, \"isActive\": true}"));
    assertThat(cleared.get("rateLimit").isNull()).isTrue();
    assertThat(cleared.get("isActive").asBoolean()).isTrue();
    assertThat(cleared.get("name").asText()).isEqualTo("Renamed");
  }

  @Test
  void delete_needsProjectAdmin_andAnswers204() {
    String pub = json(call(server, "POST", keys, admin, "{\"name\": \"Doomed\"}")).get("id").asText();
    String writer = server.token(project, Role.ADMIN, "project:read,project:write");

    assertDetail(call(server, "DELETE", keys + pub + "/", writer, null), 403,
        "You do not have permission to perform this action.");
    HttpResponse<String> deleted = call(server, "DELETE", keys + pub + "/", admin, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertDetail(call(server, "GET", keys + pub + "/", admin, null), 404, "The requested resource does not exist");
    assertDetail(call(server, "DELETE", keys + pub + "/", admin, null), 404, "The requested resource does not exist");
  }

  @Test
  void scopes_areEnforcedPerMethod() {
    String reader = server.token(project, Role.MEMBER, "project:read");
    assertDetail(call(server, "GET", keys, null, null), 401, "Authentication credentials were not provided.");
    assertDetail(call(server, "GET", keys, server.token(project, Role.MEMBER, "event:read"), null), 403,
        "You do not have permission to perform this action.");
    assertDetail(call(server, "POST", keys, reader, "{}"), 403, "You do not have permission to perform this action.");
    assertDetail(call(server, "PUT", keys + server.key(project).publicKey() + "/", reader, "{\"name\": \"x\"}"), 403,
        "You do not have permission to perform this action.");
    // A member's role lacks project:write, whatever the token says.
    assertDetail(call(server, "POST", keys, server.token(project, Role.MEMBER, "project:write"), "{}"), 403,
        "You do not have permission to perform this action.");
  }

  @Test
  void anotherOrganization_isRefusedWithoutData() {
    String outsider = server.token(otherProject, Role.OWNER, "project:read,project:write,project:admin");
    String pub = server.key(project).publicKey();
    for (String[] call : new String[][] {
        {"GET", keys}, {"POST", keys}, {"GET", keys + pub + "/"}, {"PUT", keys + pub + "/"},
        {"DELETE", keys + pub + "/"}}) {
      HttpResponse<String> response = call(server, call[0], call[1], outsider, "{\"name\": \"x\"}");
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
      assertThat(response.body()).doesNotContain(pub);
    }
    String otherKeys = "/api/0/projects/" + server.organizationOf(otherProject).slug() + "/" + otherProject.slug()
        + "/keys/" + pub + "/";
    assertDetail(call(server, "GET", otherKeys, outsider, null), 404, "The requested resource does not exist");
    assertThat(server.key(project).publicKey()).isEqualTo(pub);
  }

  private static List<String> ids(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    json(response).forEach(k -> ids.add(k.get("id").asText()));
    return ids;
  }

  static void assertDetail(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).get("detail").asText()).isEqualTo(detail);
  }
}

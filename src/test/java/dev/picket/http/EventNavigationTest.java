package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** nextEventID / previousEventID walk the same issue in (timestamp, event id) order; grouping config updates. */
class EventNavigationTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static void send(TestServer server, Project project, String eventId, String message, double timestamp) {
    String body = "{\"event_id\":\"" + eventId + "\",\"message\":\"" + message + "\",\"timestamp\":" + timestamp + "}";
    HttpResponse<String> response = server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey() + ",sentry_version=7")
        .POST(BodyPublishers.ofString(body)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  static JsonNode read(TestServer server, Project project, String token, String eventId) throws Exception {
    HttpResponse<String> response = server.get("/api/0/projects/" + server.organizationOf(project).slug() + "/"
        + project.slug() + "/events/" + eventId + "/", "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static String id(char c) {
    return String.valueOf(c).repeat(32);
  }

  @Test
  void neighbours_areWithinTheIssueOrderedByTimestampThenEventId() throws Exception {
    Project project = server.newProject();
    double now = Instant.now().getEpochSecond();
    send(server, project, id('c'), "same bug", now - 30);
    send(server, project, id('a'), "same bug", now - 10);
    send(server, project, id('b'), "same bug", now - 10);
    send(server, project, id('d'), "another bug", now - 20);
    String token = server.token(project, Role.MEMBER, "project:read");

    JsonNode first = read(server, project, token, id('c'));
    assertThat(first.get("previousEventID").isNull()).isTrue();
    assertThat(first.get("nextEventID").asText()).isEqualTo(id('a'));
    JsonNode middle = read(server, project, token, id('a'));
    assertThat(middle.get("previousEventID").asText()).isEqualTo(id('c'));
    assertThat(middle.get("nextEventID").asText()).isEqualTo(id('b'));
    JsonNode last = read(server, project, token, id('b'));
    assertThat(last.get("nextEventID").isNull()).isTrue();
    JsonNode other = read(server, project, token, id('d'));
    assertThat(other.get("groupID").asText()).isNotEqualTo(first.get("groupID").asText());
    assertThat(other.get("nextEventID").isNull()).isTrue();
    assertThat(other.get("previousEventID").isNull()).isTrue();
  }

  @Test
  void resentEventId_isAcknowledgedButStoredOnce() throws Exception {
    Project project = server.newProject();
    double now = Instant.now().getEpochSecond();
    send(server, project, id('e'), "retried", now);
    send(server, project, id('e'), "retried", now);
    assertThat(server.app().storage().events().countForProject(project.id())).isEqualTo(1);
  }

  @Test
  void groupingConfig_isChangedWithProjectWriteAndValidated() throws Exception {
    Project project = server.newProject();
    String path = "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug() + "/";
    String reader = server.token(project, Role.MEMBER, "project:read");
    String writer = server.token(project, Role.ADMIN, "project:write");

    assertThat(put(path, reader, "{\"groupingConfig\":\"legacy:2019-03-12\"}").statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = put(path, writer, "{\"groupingConfig\":\"nonsense:1\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    HttpResponse<String> ok = put(path, writer, "{\"groupingConfig\":\"legacy:2019-03-12\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("groupingConfig").asText()).isEqualTo("legacy:2019-03-12");
  }

  private HttpResponse<String> put(String path, String token, String body) {
    return server.send(server.request(path).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build());
  }
}

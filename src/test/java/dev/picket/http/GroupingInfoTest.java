package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** grouping-info shows the variants that produced an event's hashes, under its project's config. */
class GroupingInfoTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  JsonNode groupingInfo(Project project, String eventId) throws Exception {
    String token = server.token(project, Role.MEMBER, "project:read");
    HttpResponse<String> response = server.get("/api/0/projects/" + server.organizationOf(project).slug() + "/"
        + project.slug() + "/events/" + eventId + "/grouping-info/", "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void seedEvent_showsTheLegacyStacktraceVariantBehindItsHash() throws Exception {
    Project project = server.newProject();
    SeedRoundTripTest.sendSeedAndRead(server, project);
    JsonNode info = groupingInfo(project, "bd4bfeb72cad4167a572e14bebf526ed");
    JsonNode contributing = null;
    for (JsonNode variant : info) {
      if (variant.get("contributes").asBoolean()) {
        contributing = variant;
      }
    }
    assertThat(contributing).isNotNull();
    assertThat(contributing.get("hash").asText()).isEqualTo("c4a4d06bc314205bb3b6bdb612dde7f1");
    assertThat(contributing.get("hashMismatch").asBoolean()).isFalse();
    assertThat(contributing.get("values")).hasSize(10);
    assertThat(contributing.get("values").get(0).asText()).isEqualTo("raven.base");
  }

  @Test
  void newstyleProject_groupsByTheNewstyleConfig() throws Exception {
    Project project = server.newProject();
    server.app().storage().projects().updateGroupingConfig(project.id(), "newstyle:2023-01-11");
    String event = "{\"event_id\":\"" + "ab".repeat(16) + "\",\"platform\":\"python\","
        + "\"exception\":{\"values\":[{\"type\":\"ValueError\",\"value\":\"hello world\"}]}}";
    HttpResponse<String> stored = server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey())
        .POST(BodyPublishers.ofString(event)).build());
    assertThat(stored.statusCode()).isEqualTo(200);
    JsonNode info = groupingInfo(project, "ab".repeat(16));
    assertThat(info.at("/app/hash").asText()).isEqualTo("b23ee1963904c2ca87b145febf94b66c");
    assertThat(info.at("/app/hashMismatch").asBoolean()).isFalse();
  }
}

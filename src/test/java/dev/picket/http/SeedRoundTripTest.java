package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SharedFixtures;
import dev.picket.support.SqliteServerTest;
import dev.picket.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The founding contract: the seed event sent as raven-python 6 sends it reads back exactly as the
 * seed page shows, except for server-assigned ids, size and dates (checked for form).
 */
class SeedRoundTripTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> SERVER_ASSIGNED = Set.of("id", "groupID", "size", "dateCreated", "dateReceived");

  @Test
  void seedEvent_readsBackAsTheSeedPageShowsIt() throws Exception {
    Project project = server.newProject();
    JsonNode actual = sendSeedAndRead(server, project);
    JsonNode expected = JSON.readTree(SharedFixtures.path("seed/expected-response.json").toFile());

    Iterator<String> names = expected.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      assertThat(actual.has(field)).as("field %s present", field).isTrue();
      if (!SERVER_ASSIGNED.contains(field)) {
        assertThat(actual.get(field)).as("field %s", field).isEqualTo(expected.get(field));
      }
    }
    assertThat(actual.get("id").asText()).matches("[0-9]+");
    assertThat(actual.get("groupID").asText()).matches("[0-9]+");
    assertThat(actual.get("size").isInt()).isTrue();
    assertThat(actual.get("dateCreated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(actual.get("dateReceived").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  /** Sends the seed input (with a current timestamp) the raven-python way, reads it back. */
  static JsonNode sendSeedAndRead(TestServer server, Project project) throws Exception {
    ObjectNode input = (ObjectNode) JSON.readTree(SharedFixtures.path("seed/input-event.json").toFile());
    input.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    String key = server.key(project).publicKey();
    HttpRequest store = server.request("/api/" + project.id() + "/store/")
        .header("Content-Type", "application/octet-stream")
        .header("User-Agent", "raven-python/6.9.0")
        .header("X-Sentry-Auth", "Sentry sentry_timestamp=1529516069.0, sentry_client=raven-python/6.9.0, "
            + "sentry_version=6, sentry_key=" + key + ", sentry_secret=" + server.key(project).secretKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(ravenEncode(JSON.writeValueAsBytes(input))))
        .build();
    HttpResponse<String> stored = server.send(store);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(JSON.readTree(stored.body()).get("id").asText()).isEqualTo("bd4bfeb72cad4167a572e14bebf526ed");

    String token = server.token(project, Role.MEMBER, "project:read");
    HttpResponse<String> read = server.get("/api/0/projects/" + server.organizationOf(project).slug() + "/"
        + project.slug() + "/events/bd4bfeb72cad4167a572e14bebf526ed/", "Bearer " + token);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return JSON.readTree(read.body());
  }

  /** raven-python's body encoding: base64(zlib(json)). */
  static byte[] ravenEncode(byte[] json) throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(zipped)) {
      out.write(json);
    }
    return Base64.getEncoder().encode(zipped.toByteArray());
  }

  @Test
  void seedEvent_hasNoProcessingErrorsWithACurrentTimestamp() throws Exception {
    JsonNode actual = sendSeedAndRead(server, server.newProject());
    assertThat(actual.get("errors")).isEmpty();
    assertThat(actual.get("fingerprints").get(0).asText()).isEqualTo("c4a4d06bc314205bb3b6bdb612dde7f1");
  }

  @Test
  void seedEvent_isStoredUnderTheProjectsGroupingConfig() throws Exception {
    JsonNode actual = sendSeedAndRead(server, server.newProject());
    assertThat(actual.at("/groupingConfig/id").asText()).isEqualTo("legacy:2019-03-12");
    assertThat(Files.exists(dataDir.resolve("picket.db"))).isTrue();
  }
}

package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SharedFixtures;
import dev.picket.support.SqliteServerTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bugsink's event-samples corpus through the real server: every sample not in
 * {@code KNOWN-BROKEN} is accepted by {@code /store/} and readable through the seed endpoint; the
 * known-broken ones are accepted (and then readable) or refused with a 4xx and a clear
 * {@code detail}, never a 5xx. The samples are sent as they are (their timestamps are old, which
 * Picket repairs and records).
 */
class EventSamplesTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Project project;
  static String token;

  @BeforeAll
  static void createProject() {
    project = server.newProject();
    token = server.token(project, Role.MEMBER, "project:read");
  }

  static Path root() {
    return SharedFixtures.path("event-samples");
  }

  static Set<String> knownBroken() throws IOException {
    return Files.readAllLines(root().resolve("KNOWN-BROKEN")).stream()
        .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toSet());
  }

  static List<String> samples() throws IOException {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(p -> p.toString().endsWith(".json"))
          .map(p -> root().relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sample_isAcceptedAndReadable_orRefusedClearly(String name) throws Exception {
    HttpResponse<String> stored = store(Files.readAllBytes(root().resolve(name)));
    if (!knownBroken().contains(name)) {
      assertThat(stored.statusCode()).as(name + ": " + stored.body()).isEqualTo(200);
    } else if (stored.statusCode() != 200) {
      assertThat(stored.statusCode()).as(name + ": " + stored.body()).isBetween(400, 499);
      assertThat(JSON.readTree(stored.body()).path("detail").asText()).as(name).isNotBlank();
      return;
    }
    String id = JSON.readTree(stored.body()).path("id").asText();
    assertThat(id).as(name).matches("[0-9a-f]{32}");
    HttpResponse<String> read = server.get("/api/0/projects/" + server.organizationOf(project).slug() + "/"
        + project.slug() + "/events/" + id + "/", "Bearer " + token);
    assertThat(read.statusCode()).as(name + ": " + read.body()).isEqualTo(200);
    JsonNode event = JSON.readTree(read.body());
    assertThat(event.path("eventID").asText()).isEqualTo(id);
    assertThat(event.path("entries").isArray()).isTrue();
  }

  private static HttpResponse<String> store(byte[] body) {
    return server.send(server.request("/api/" + project.id() + "/store/")
        .header("Content-Type", "application/json")
        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + server.key(project).publicKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }
}

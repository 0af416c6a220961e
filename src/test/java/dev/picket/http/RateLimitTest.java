package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.config.Limits;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.storage.PostgresTestDatabase;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event quotas (per key, project, organization) and the web API's own limit, answered as Relay/Sentry do. */
class RateLimitTest {
  @TempDir Path dir;
  @TempDir Path otherDir;

  static HttpResponse<String> send(TestServer server, Project project) {
    return server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey() + ",sentry_version=7")
        .POST(BodyPublishers.ofString("{\"message\":\"limited\"}")).build());
  }

  static void assertLimited(HttpResponse<String> response, String scope) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    assertThat(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(response.headers().firstValue("X-Sentry-Rate-Limits").orElseThrow())
        .matches("\\d+:error;default;security:" + scope + ":\\w+");
  }

  @Test
  void keyRateLimit_refusesEventsBeyondItsCount() {
    try (TestServer server = TestServer.sqlite(dir)) {
      Project project = server.newProject();
      server.app().admin().setKeyRateLimit(server.key(project).publicKey(), 3600, 2);
      assertThat(send(server, project).statusCode()).isEqualTo(200);
      assertThat(send(server, project).statusCode()).isEqualTo(200);
      assertLimited(send(server, project), "key");
      Project unlimited = server.newProject();
      assertThat(send(server, unlimited).statusCode()).isEqualTo(200);
      assertThat(server.app().storage().events().countForProject(project.id())).isEqualTo(2);
    }
  }

  @Test
  void projectAndOrganizationQuotas_applyPerMinute() {
    try (TestServer server = TestServer.start(dir, null, Limits.defaults().withRates(2, 3, 0))) {
      Project project = server.newProject();
      send(server, project);
      send(server, project);
      assertLimited(send(server, project), "project");

      Project first = server.newProject();
      Project second = server.app().admin().createProject(server.organizationOf(first).slug(), "api", "API");
      send(server, first);
      send(server, first);
      send(server, second);
      assertLimited(send(server, second), "organization");
    }
  }

  @Test
  void projectQuota_holdsAcrossTwoNodesOnOnePostgres() {
    String url = PostgresTestDatabase.databaseUrl();
    Limits limits = Limits.defaults().withRates(4, 0, 0);
    try (TestServer one = TestServer.start(dir, url, limits);
        TestServer two = TestServer.start(otherDir, url, limits)) {
      Project project = one.newProject();
      int accepted = 0;
      for (int i = 0; i < 6; i++) {
        accepted += send(i % 2 == 0 ? one : two, project).statusCode() == 200 ? 1 : 0;
      }
      assertThat(accepted).isEqualTo(4);
    }
  }

  @Test
  void apiRateLimit_answersSentrys429Body() {
    try (TestServer server = TestServer.start(dir, null, Limits.defaults().withRates(0, 0, 2))) {
      Project project = server.newProject();
      String token = "Bearer " + server.token(project, Role.MEMBER, "project:read");
      HttpResponse<String> refused = null;
      for (int i = 0; i < 10 && refused == null; i++) {
        HttpResponse<String> response = server.get("/api/0/", token);
        refused = response.statusCode() == 429 ? response : null;
      }
      assertThat(refused).as("10 requests at 2/s").isNotNull();
      assertThat(refused.body())
          .isEqualTo("\"You are attempting to use this endpoint too frequently. Limit is 2 requests in 1 seconds\"");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(send(server, project).statusCode()).as("ingest is not an API call").isEqualTo(200);
    }
  }
}

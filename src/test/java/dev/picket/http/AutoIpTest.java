package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.config.Config;
import dev.picket.config.Limits;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code {{auto}}} user IPs come from the connection, or from X-Forwarded-For behind a trusted proxy. */
class AutoIpTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static String autoIpOf(TestServer server, String forwardedFor) throws Exception {
    Project project = server.newProject();
    String id = "a1".repeat(16);
    String event = "{\"event_id\":\"" + id + "\",\"message\":\"ip\",\"user\":{\"ip_address\":\"{{auto}}\"}}";
    var request = server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey())
        .header("X-Forwarded-For", forwardedFor);
    assertThat(server.send(request.POST(BodyPublishers.ofString(event)).build()).statusCode()).isEqualTo(200);
    String token = server.token(project, Role.MEMBER, "project:read");
    JsonNode read = JSON.readTree(server.get("/api/0/projects/" + server.organizationOf(project).slug()
        + "/" + project.slug() + "/events/" + id + "/", "Bearer " + token).body());
    return read.at("/user/ip_address").asText();
  }

  @Test
  void untrustedPeers_cannotChooseTheirAddress() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      assertThat(autoIpOf(server, "198.51.100.23")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void behindATrustedProxy_theForwardedClientIsUsed() throws Exception {
    Config config = new Config(0, "http://127.0.0.1", dir, null, Limits.defaults(), List.of("127.0.0.0/8", "::1"));
    try (TestServer server = TestServer.start(config)) {
      assertThat(autoIpOf(server, "198.51.100.23")).isEqualTo("198.51.100.23");
    }
  }
}

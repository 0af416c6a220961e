package dev.picket.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.http.SecurityHeaders;
import dev.picket.model.Project;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Security headers on every kind of response, and no payload or credential in the logs. */
class SecurityHeadersTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET_PAYLOAD = "PAYLOAD-MARKER-7f3a";

  @TempDir static Path dir;
  static TestServer server;
  static Project project;
  static String key;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    project = server.newProject();
    key = server.key(project).publicKey();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteAndError_carriesTheSecurityHeaders() {
    List<HttpResponse<String>> responses = List.of(
        server.get("/_health/", null),
        server.get("/api/0/", null),
        server.get("/api/0/projects/x/y/events/" + "a".repeat(32) + "/", "Bearer nope"),
        server.get("/no/such/path", null),
        store(key, "{\"message\":\"ok\"}"),
        store(key, "{broken"),
        store("0".repeat(32), "{}"),
        server.send(server.request("/api/" + project.id() + "/store/")
            .method("OPTIONS", BodyPublishers.noBody()).header("Origin", "https://a.example").build()),
        server.send(server.request("/_health/").DELETE().build()));
    for (HttpResponse<String> response : responses) {
      SecurityHeaders.HEADERS.forEach((name, value) -> assertThat(response.headers().firstValue(name))
          .as(name + " on " + response.request().method() + " " + response.uri() + " → " + response.statusCode())
          .hasValue(value));
    }
  }

  @Test
  void jettyLevelRefusals_areJsonWithADetailAndTheHeaders() {
    String bigHeader = "GET /_health/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";
    String badLine = "GARBAGE\r\n\r\n";
    for (String request : List.of(bigHeader, badLine)) {
      Hostile.RawResponse response = Hostile.exchange(server.app().port(), request, new byte[0], 10_000);
      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.headers().get("Content-Type")).startsWith("application/json");
      assertThat(TestJson.detail(response.body())).isNotBlank();
      SecurityHeaders.HEADERS.forEach((name, value) ->
          assertThat(response.headers().get(name)).as(name + " on " + response.status()).isEqualTo(value));
    }
  }

  @Test
  void failingRequests_logNoPayloadOrCredentialAtInfoOrAbove() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      String wrongKey = "deadbeef" + "0".repeat(24);
      store(wrongKey, "{\"message\":\"" + SECRET_PAYLOAD + "\"}");
      store(key, "{\"message\":\"" + SECRET_PAYLOAD);
      store(key, "{\"message\":" + "[".repeat(5000) + "\"" + SECRET_PAYLOAD + "\"}");
      store(key, "{}\n{\"type\":\"event\",\"length\":9}\n" + SECRET_PAYLOAD);
      server.send(server.request("/api/" + project.id() + "/store/?sentry_key=" + key + "&x=" + SECRET_PAYLOAD)
          .header("Content-Encoding", "gzip").POST(BodyPublishers.ofString(SECRET_PAYLOAD)).build());
      server.get("/api/0/projects/x/y/events/" + "a".repeat(32) + "/", "Bearer sntryu_" + SECRET_PAYLOAD);
      server.get("/api/0/", "Basic " + java.util.Base64.getEncoder().encodeToString((SECRET_PAYLOAD + ":").getBytes()));
      Hostile.exchange(server.app().port(), "GET /_health/?k=" + SECRET_PAYLOAD + " HTTP/1.1\r\nHost: x\r\nX-Big: "
          + "a".repeat(20_000) + SECRET_PAYLOAD + "\r\n\r\n", new byte[0], 10_000);
    } finally {
      root.detachAppender(appender);
    }
    List<String> leaks = new ArrayList<>();
    for (ILoggingEvent event : appender.list) {
      String text = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      if (event.getLevel().isGreaterOrEqual(Level.INFO)
          && (text.contains(SECRET_PAYLOAD) || text.contains(key) || text.contains("deadbeef"))) {
        leaks.add(event.getLevel() + " " + event.getLoggerName() + ": " + text);
      }
    }
    assertThat(leaks).isEmpty();
  }

  static HttpResponse<String> store(String publicKey, String body) {
    return server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + publicKey + ", sentry_version=7")
        .POST(BodyPublishers.ofString(body)).build());
  }

  /** Reads {@code detail} from a JSON body. */
  static final class TestJson {
    static String detail(String body) {
      try {
        Map<?, ?> map = JSON.readValue(body, Map.class);
        return String.valueOf(map.get("detail"));
      } catch (java.io.IOException e) {
        return "";
      }
    }
  }
}

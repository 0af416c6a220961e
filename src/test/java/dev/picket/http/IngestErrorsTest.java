package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.support.SqliteServerTest;
import dev.picket.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each refused ingest request gets Relay's status and a detail, and the server keeps serving. */
class IngestErrorsTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EVENT = "{\"message\":\"hello\"}";

  static Project project;
  static String key;

  @BeforeAll
  static void start() {
    project = server.newProject();
    key = server.key(project).publicKey();
  }

  HttpResponse<String> store(String path, String auth, byte[] body, String encoding) {
    HttpRequest.Builder request = server.request(path).header("Content-Type", "application/json");
    if (auth != null) {
      request.header("X-Sentry-Auth", auth);
    }
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return server.send(request.POST(BodyPublishers.ofByteArray(body)).build());
  }

  String auth(String publicKey, int version) {
    return "Sentry sentry_key=" + publicKey + ", sentry_version=" + version + ", sentry_client=test/1.0";
  }

  void assertRejected(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isNotBlank();
    assertThat(response.headers().firstValue("X-Sentry-Error")).isPresent();
    // the server keeps serving valid events afterwards
    assertThat(store("/api/" + project.id() + "/store/", auth(key, 7), bytes(EVENT), null).statusCode())
        .isEqualTo(200);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  String storePath() {
    return "/api/" + project.id() + "/store/";
  }

  @Test
  void missingAuth_is401() throws Exception {
    assertRejected(store(storePath(), null, bytes(EVENT), null), 401);
  }

  @Test
  void malformedAuthHeader_is401() throws Exception {
    assertRejected(store(storePath(), "Sentry sentry_version=7", bytes(EVENT), null), 401);
  }

  @Test
  void unknownKey_is403() throws Exception {
    assertRejected(store(storePath(), auth("f".repeat(32), 7), bytes(EVENT), null), 403);
  }

  @Test
  void keyOfAnotherProject_is403() throws Exception {
    Project other = server.newProject();
    assertRejected(store(storePath(), auth(server.key(other).publicKey(), 7), bytes(EVENT), null), 403);
  }

  @Test
  void unknownProjectId_is403() throws Exception {
    assertRejected(store("/api/999999/store/", auth(key, 7), bytes(EVENT), null), 403);
  }

  @Test
  void inactiveKey_is403() throws Exception {
    Project other = server.newProject();
    var otherKey = server.key(other);
    server.app().storage().projects().setKeyActive(otherKey.id(), false);
    assertRejected(store("/api/" + other.id() + "/store/", auth(otherKey.publicKey(), 7), bytes(EVENT), null), 403);
  }

  @Test
  void nonNumericProjectId_is400() throws Exception {
    assertRejected(store("/api/abc/store/", auth(key, 7), bytes(EVENT), null), 400);
  }

  @Test
  void futureProtocolVersion_is400() throws Exception {
    assertRejected(store(storePath(), auth(key, 8), bytes(EVENT), null), 400);
  }

  @Test
  void invalidJson_is400() throws Exception {
    assertRejected(store(storePath(), auth(key, 7), bytes("{\"message\": "), null), 400);
  }

  @Test
  void emptyBody_is400() throws Exception {
    assertRejected(store(storePath(), auth(key, 7), new byte[0], null), 400);
  }

  @Test
  void corruptGzip_is400() throws Exception {
    assertRejected(store(storePath(), auth(key, 7), bytes("not gzip at all"), "gzip"), 400);
  }

  @Test
  void eventOverOneMebibyte_is413() throws Exception {
    String big = "{\"message\":\"" + "x".repeat(TestServer.MIB + 10) + "\"}";
    assertRejected(store(storePath(), auth(key, 7), bytes(big), null), 413);
  }

  @Test
  void bodyOverTwentyMebibytesAsSent_is413() throws Exception {
    byte[] body = new byte[21 * TestServer.MIB];
    java.util.Arrays.fill(body, (byte) 'x');
    assertRejected(store(storePath(), auth(key, 7), body, null), 413);
  }

  @Test
  void gzipBombOverTheDecodedLimit_is413() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[TestServer.MIB];
      for (int i = 0; i < 110; i++) {
        out.write(zeros);
      }
    }
    assertRejected(store(storePath(), auth(key, 7), zipped.toByteArray(), "gzip"), 413);
  }

  @Test
  void twoEventItemsInOneEnvelope_is413() throws Exception {
    String envelope = "{}\n{\"type\":\"event\"}\n{\"message\":\"a\"}\n{\"type\":\"event\"}\n{\"message\":\"b\"}\n";
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .header("X-Sentry-Auth", auth(key, 7))
        .POST(BodyPublishers.ofByteArray(bytes(envelope))).build();
    assertRejected(server.send(request), 413);
  }

  @Test
  void truncatedEnvelope_is400() throws Exception {
    String envelope = "{}\n{\"type\":\"event\",\"length\":500}\n{\"message\":\"a\"}";
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .header("X-Sentry-Auth", auth(key, 7))
        .POST(BodyPublishers.ofByteArray(bytes(envelope))).build();
    assertRejected(server.send(request), 400);
  }

  @Test
  void envelopeWithoutAnyAuth_is401() throws Exception {
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .POST(BodyPublishers.ofByteArray(bytes("{}\n{\"type\":\"event\"}\n{}\n"))).build();
    assertRejected(server.send(request), 401);
  }

  @Test
  void envelopeAuthenticatedByItsDsnHeader_isAccepted() throws Exception {
    String envelope = "{\"dsn\":\"" + server.dsn(project) + "\"}\n{\"type\":\"event\"}\n" + EVENT + "\n";
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .POST(BodyPublishers.ofByteArray(bytes(envelope))).build();
    HttpResponse<String> response = server.send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("id").asText()).matches("[0-9a-f]{32}");
  }

  @Test
  void envelopeWithOnlyOtherItems_isAcceptedWithoutAnId() throws Exception {
    String envelope = "{}\n{\"type\":\"session\"}\n{\"sid\":\"x\"}\n{\"type\":\"client_report\"}\n{}\n";
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .header("X-Sentry-Auth", auth(key, 7))
        .POST(BodyPublishers.ofByteArray(bytes(envelope))).build();
    HttpResponse<String> response = server.send(request);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
  }

  @Test
  void corsPreflight_allowsBrowserSdks() {
    HttpRequest request = server.request("/api/" + project.id() + "/store/")
        .header("Origin", "https://app.example.com")
        .header("Access-Control-Request-Method", "POST")
        .method("OPTIONS", BodyPublishers.noBody()).build();
    HttpResponse<String> response = server.send(request);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("x-sentry-auth");
  }

  @Test
  void storeAndEnvelope_acceptPathsWithoutTrailingSlash() {
    HttpResponse<String> response = store("/api/" + project.id() + "/store", auth(key, 7), bytes(EVENT), null);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void queryStringAuth_isAcceptedAsRavenJsSendsIt() {
    String path = "/api/" + project.id() + "/store/?sentry_version=7&sentry_client=raven-js%2F3.22.1&sentry_key=" + key;
    HttpRequest request = server.request(path).header("Content-Type", "text/plain;charset=UTF-8")
        .header("Origin", "http://127.0.0.1").POST(BodyPublishers.ofByteArray(bytes(EVENT))).build();
    HttpResponse<String> response = server.send(request);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1");
  }
}

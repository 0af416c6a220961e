package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SharedFixtures;
import dev.picket.support.SqliteServerTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ingest request captured from the eight real SDK clients, replayed byte for byte (only the
 * DSN key and project id rewritten), is accepted, and its event reads back through the seed
 * endpoint.
 */
class SdkCapturesReplayTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> UNSENDABLE = Set.of("host", "content-length", "connection", "transfer-encoding",
      "expect", "upgrade");

  @TestFactory
  Stream<DynamicTest> everyCapturedIngestRequest_isAcceptedAndReadable() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SharedFixtures.path("sdk-payloads"))) {
      for (Path capture : files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList()) {
        JsonNode request = JSON.readTree(capture.toFile());
        if (request.get("path").asText().matches("/api/\\d+/(store|envelope)/")) {
          String name = capture.getParent().getFileName() + "/" + capture.getFileName();
          tests.add(DynamicTest.dynamicTest(name, () -> replay(capture, request)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests.stream();
  }

  private void replay(Path capture, JsonNode captured) throws Exception {
    Project project = server.newProject();
    String key = server.key(project).publicKey();
    String path = captured.get("path").asText().replaceFirst("/api/\\d+/", "/api/" + project.id() + "/");
    String query = captured.path("query_string").asText("").replaceAll("sentry_key=[^&]+", "sentry_key=" + key);
    HttpRequest.Builder request = server.request(path + (query.isEmpty() ? "" : "?" + query));
    String encoding = null;
    boolean chunked = false;
    for (JsonNode header : captured.get("headers")) {
      String name = header.get(0).asText();
      String value = header.get(1).asText();
      String lower = name.toLowerCase(Locale.ROOT);
      chunked |= lower.equals("transfer-encoding");
      if (lower.equals("content-encoding")) {
        encoding = value;
      }
      if (!UNSENDABLE.contains(lower)) {
        request.header(name, value.replaceAll("sentry_key=[^,&\\s]+", "sentry_key=" + key));
      }
    }
    byte[] body = rewriteBody(Files.readAllBytes(bodyFile(capture)), encoding, server.dsn(project), key);
    request.POST(chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : BodyPublishers.ofByteArray(body));
    HttpResponse<String> response = server.send(request.build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("id")) {
      readBack(project, EventId.parse(answer.get("id").asText()).orElseThrow());
    }
  }

  private static Path bodyFile(Path capture) {
    String name = capture.getFileName().toString().replace(".request.json", ".body.bin");
    return capture.resolveSibling(name);
  }

  private void readBack(Project project, EventId id) throws Exception {
    String token = server.token(project, Role.MEMBER, "project:read");
    HttpResponse<String> read = server.get("/api/0/projects/" + server.organizationOf(project).slug() + "/"
        + project.slug() + "/events/" + id.hex() + "/", "Bearer " + token);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode event = JSON.readTree(read.body());
    assertThat(event.get("eventID").asText()).isEqualTo(id.hex());
    assertThat(event.get("entries")).isNotEmpty();
    assertThat(event.get("fingerprints")).isNotEmpty();
  }

  /** Points a DSN or key inside the body at the test project, keeping the body's encoding. */
  static byte[] rewriteBody(byte[] body, String encoding, String dsn, String key) throws IOException {
    boolean gzip = "gzip".equalsIgnoreCase(encoding);
    String text = new String(gzip ? gunzip(body) : body, StandardCharsets.ISO_8859_1);
    // Only the envelope header's DSN is rewritten: a DSN inside a length-framed item (Python's
    // sys.argv) must keep its byte length. Keys have the same length everywhere.
    int firstLine = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
    String rewritten = (text.substring(0, firstLine)
        .replaceAll("https?://[0-9a-z]+(:[0-9a-z]+)?@[^/\"\\s]+/\\d+", dsn) + text.substring(firstLine))
        .replace("0a1b2c3d4e5f60718293a4b5c6d7e8f9", key);
    if (rewritten.equals(text)) {
      return body;
    }
    byte[] plain = rewritten.getBytes(StandardCharsets.ISO_8859_1);
    return gzip ? gzip(plain) : plain;
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }
}

package dev.picket.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.Project;
import dev.picket.support.TestServer;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Arbitrary bodies to {@code /store/} and {@code /envelope/} never produce a 500. */
class IngestHttpProperties {
  static Path dir;
  static TestServer server;
  static Project project;
  static String auth;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("picket-http-properties");
    server = TestServer.sqlite(dir);
    project = server.newProject();
    auth = "Sentry sentry_key=" + server.key(project).publicKey() + ", sentry_version=7";
  }

  @AfterContainer
  static void stop() throws IOException {
    server.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 300)
  void store_arbitraryBytes_neverA500(@ForAll @Size(max = 300) byte[] body, @ForAll("encodings") String encoding) {
    assertNo500("store", body, encoding);
  }

  @Property(tries = 300)
  void store_arbitraryEventJson_neverA500(@ForAll("events") String body) {
    assertNo500("store", body.getBytes(StandardCharsets.UTF_8), "");
  }

  @Property(tries = 300)
  void envelope_arbitraryBytes_neverA500(@ForAll @Size(max = 300) byte[] body, @ForAll("encodings") String encoding) {
    assertNo500("envelope", body, encoding);
  }

  @Property(tries = 300)
  void envelope_arbitraryEventItem_neverA500(@ForAll("events") String event) {
    assertNo500("envelope", ("{}\n{\"type\":\"event\"}\n" + event + "\n").getBytes(StandardCharsets.UTF_8), "");
  }

  void assertNo500(String endpoint, byte[] body, String encoding) {
    HttpResponse<String> response = server.send(server.request("/api/" + project.id() + "/" + endpoint + "/")
        .header("X-Sentry-Auth", auth).header("Content-Encoding", encoding)
        .POST(BodyPublishers.ofByteArray(body)).build());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 413);
  }

  @Provide
  Arbitrary<String> encodings() {
    return Arbitraries.of("", "gzip", "deflate", "br", "zstd", "identity");
  }

  @Provide
  Arbitrary<String> events() {
    return Arbitraries.maps(ParserProperties.keys(), ParserProperties.jsonValue(3)).ofMaxSize(8)
        .map(ParserProperties::object);
  }
}

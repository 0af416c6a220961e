package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.support.SharedFixtures;
import dev.picket.support.SqliteServerTest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The events Picket stores for the corpora (sentry-compat incoming events, event-samples, the
 * seed) validate against Relay's event JSON Schema ({@code event-schema/event.schema.json},
 * draft-07), read back from storage as stored.
 *
 * <p>Before validating, the keys Picket stores that the schema (which describes what an SDK
 * sends) does not list are removed, each for the reason in {@link #NOT_IN_SCHEMA}; Sentry's own
 * stored JSON ({@code sentry-compat/oss_sentry_json}) carries the same derived keys.
 */
class StoredEventSchemaTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static final Map<String, String> NOT_IN_SCHEMA = Map.of(
      "metadata", "derived at ingestion for the API (Sentry stores it too)",
      "title", "derived at ingestion (Sentry stores it too)",
      "location", "derived at ingestion (Sentry stores it too)",
      "hashes", "grouping result (Sentry stores it too)",
      "grouping_config", "the config that grouped the event (Sentry stores it too)",
      "template", "a legacy interface Sentry accepts and renders; the schema does not list it",
      "checksum", "legacy grouping input kept for grouping; the schema dropped it");

  @Test
  void storedCorpusEvents_validateAgainstTheEventSchema() throws Exception {
    Schema schema;
    try (InputStream in = Files.newInputStream(SharedFixtures.path("event-schema/event.schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    Project project = server.newProject();
    List<String> failures = new ArrayList<>();
    int validated = 0;
    for (Path file : corpus()) {
      JsonNode raw = JSON.readTree(file.toFile());
      if (!raw.isObject()) {
        continue; // android_sdk_envelope.json is an envelope written as a JSON list, not an event
      }
      HttpResponse<String> stored = store(project, Files.readAllBytes(file));
      if (stored.statusCode() != 200) {
        continue; // a refused known-broken sample (EventSamplesTest checks the refusal)
      }
      EventId id = EventId.parse(JSON.readTree(stored.body()).path("id").asText()).orElseThrow();
      byte[] payload = server.app().storage().events().find(project.id(), id).orElseThrow().payload();
      ObjectNode event = (ObjectNode) JSON.readTree(payload);
      event.remove(NOT_IN_SCHEMA.keySet());
      asTheSchemaSpellsIt(event);
      List<Error> errors = schema.validate(event);
      validated++;
      for (Error error : errors) {
        failures.add(SharedFixtures.root().relativize(file) + ": " + error.getInstanceLocation() + " "
            + error.getMessage());
      }
    }
    System.out.printf("event schema: %d stored events validated, %d errors%n", validated, failures.size());
    failures.forEach(f -> System.out.println("  " + f));
    assertThat(validated).isGreaterThan(150);
    assertThat(failures).isEmpty();
  }

  /**
   * The two places where the stored form is deliberately not the schema's spelling of the same
   * data: (1) event ids are stored as 32 lowercase hex (Relay's and Sentry's stored form, what the
   * API returns); the schema's {@code format: uuid}, as the validator checks it, wants RFC 4122's
   * dashed form of that same value. (2) processing errors carry Relay's detail keys
   * ({@code reason}, {@code attribute}, {@code sdk_time}, {@code server_time}; ingest-protocol
   * §5.11, shown under {@code data} by the API), which the schema's EventProcessingError
   * ({@code type, name, value}) does not list.
   */
  static void asTheSchemaSpellsIt(ObjectNode event) {
    dashed(event, "event_id");
    for (JsonNode crumb : event.path("breadcrumbs").path("values")) {
      dashed((ObjectNode) crumb, "event_id");
    }
    for (JsonNode error : event.path("errors")) {
      ((ObjectNode) error).retain("type", "name", "value");
    }
  }

  private static void dashed(ObjectNode node, String key) {
    String hex = node.path(key).asText("");
    if (hex.matches("[0-9a-f]{32}")) {
      node.put(key, hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }
  }

  static List<Path> corpus() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("sentry-compat/incoming_events", "event-samples")) {
      try (Stream<Path> walk = Files.walk(SharedFixtures.path(folder))) {
        walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    files.add(SharedFixtures.path("seed/input-event.json"));
    return files;
  }

  private static HttpResponse<String> store(Project project, byte[] body) {
    return server.send(server.request("/api/" + project.id() + "/store/")
        .header("Content-Type", "application/json")
        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + server.key(project).publicKey())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }
}

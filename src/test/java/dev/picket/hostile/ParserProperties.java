package dev.picket.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.normalize.IngestContext;
import dev.picket.normalize.Normalizer;
import dev.picket.protocol.EnvelopeParser;
import dev.picket.protocol.EventJson;
import dev.picket.protocol.ProtocolException;
import dev.picket.protocol.SentryAuthParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Arbitrary bytes and arbitrary JSON never make the parsers throw anything but {@link
 * ProtocolException}, nor the normalizer anything at all.
 */
class ParserProperties {
  static final Normalizer NORMALIZER = new Normalizer();
  static final IngestContext CONTEXT =
      new IngestContext(Instant.parse("2025-01-31T10:00:00Z"), "127.0.0.1", "hostile/1.0", null, null);

  @Property(tries = 2000)
  void envelopeParser_arbitraryBytes_onlyProtocolException(@ForAll @Size(max = 512) byte[] body) {
    parseEnvelope(body);
  }

  @Property(tries = 1000)
  void envelopeParser_envelopeShapedText_onlyProtocolException(@ForAll("envelopes") String body) {
    parseEnvelope(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void authParser_arbitraryHeader_onlyProtocolException(@ForAll("authHeaders") String header) {
    try {
      SentryAuthParser.resolve(header, header, Map.of("sentry_key", List.of(header)));
      SentryAuthParser.parseHeader(header);
    } catch (ProtocolException expected) {
      assertThat(expected.status()).isIn(400, 401);
    }
  }

  @Property(tries = 1000)
  void eventJson_arbitraryBytes_onlyProtocolException(@ForAll @Size(max = 512) byte[] body) {
    try {
      EventJson.readTree(body);
    } catch (ProtocolException expected) {
      assertThat(expected.status()).isEqualTo(400);
    }
  }

  @Property(tries = 1000)
  void normalizer_arbitraryJson_neverThrows(@ForAll("json") String json) {
    JsonNode node;
    try {
      node = EventJson.readTree(json.getBytes(StandardCharsets.UTF_8));
    } catch (ProtocolException refusedBeforeNormalizing) {
      return;
    }
    JsonNode event = NORMALIZER.normalize(node, CONTEXT);
    assertThat(event.path("event_id").asText()).matches("[0-9a-f]{32}");
    EventJson.write(event);
  }

  @Property(tries = 500)
  void normalizer_arbitraryEventShapedJson_neverThrows(@ForAll("events") String json) {
    JsonNode event = NORMALIZER.normalize(EventJson.readTree(json.getBytes(StandardCharsets.UTF_8)), CONTEXT);
    assertThat(event.path("errors").isArray()).isTrue();
    EventJson.write(event);
  }

  static void parseEnvelope(byte[] body) {
    try {
      EnvelopeParser.parse(body);
    } catch (ProtocolException expected) {
      assertThat(expected.status()).isIn(400, 413);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Generators

  @Provide
  Arbitrary<String> authHeaders() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of("Sentry", "sentry", "SENTRY", "Bearer", "sentry_key", "sentry_version",
            "sentry_client", "sentry_secret", "=", ",", " ", "7", "8", "99999", "-1", "1.0", "", "\u0000"));
    return token.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> envelopes() {
    Arbitrary<String> line = Arbitraries.oneOf(
        jsonValue(2),
        Arbitraries.of("{}", "{\"type\":\"event\"}", "{\"type\":\"event\",\"length\":3}",
            "{\"type\":\"attachment\",\"length\":0}", "{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}",
            "{\"type\":\"event\",\"length\":-1}", "{\"type\":\"integration\"}", "{\"length\":4294967296}",
            "{\"message\":\"x\"}", "", "\r", "abc"));
    return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
  }

  @Provide
  Arbitrary<String> json() {
    return jsonValue(4);
  }

  static Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(ParserProperties::quote),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.of("true", "false", "null", "NaN", "Infinity", "-Infinity", "1e400",
            "123456789012345678901234567890", "-0", "\"\"", "\"\\ud800\""));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> child = Arbitraries.lazy(() -> jsonValue(depth - 1));
    Arbitrary<String> array = child.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object = Arbitraries.maps(keys(), child).ofMaxSize(4).map(ParserProperties::object);
    return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, array), Tuple.of(2, object));
  }

  /** Event-shaped objects: known Sentry keys with arbitrary JSON values of any type. */
  @Provide
  Arbitrary<String> events() {
    return Arbitraries.maps(keys(), jsonValue(3)).ofMaxSize(8).map(ParserProperties::object);
  }

  static Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.of("event_id", "timestamp", "level", "logger", "platform", "message", "logentry",
            "exception", "stacktrace", "threads", "breadcrumbs", "tags", "extra", "user", "request",
            "contexts", "sdk", "fingerprint", "release", "environment", "dist", "server_name",
            "transaction", "culprit", "modules", "errors", "template", "values", "frames", "type",
            "value", "mechanism", "data", "headers", "url", "query_string", "ip_address", "formatted",
            "params", "function", "lineno", "vars", "in_app", "sentry.interfaces.Exception",
            "checksum", "start_timestamp", "received", "csp", "debug_meta"),
        Arbitraries.strings().ofMaxLength(8));
  }

  static String object(Map<String, String> members) {
    StringBuilder sb = new StringBuilder("{");
    members.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(quote(k)).append(':').append(v);
    });
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    try {
      return EventJson.mapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

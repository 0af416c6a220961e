package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.picket.model.EventId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventAttributesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"'\"warning\"',warning", "'\"log\"',info", "'\"critical\"',fatal", "'\"FATAL\"',fatal",
      "10,debug", "20,info", "30,warning", "40,error", "50,fatal"})
  void level_acceptNamesAliasesAndPythonNumbers(String raw, String expected) {
    ObjectNode e = TestFixtures.normalize("{'level': " + raw.replace('"', '\'') + "}");
    assertThat(e.get("level").asText()).isEqualTo(expected);
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void level_defaultToErrorWhenMissing_ravenJs() {
    assertThat(TestFixtures.normalize("{}").get("level").asText()).isEqualTo("error");
  }

  @Test
  void level_recordInvalidAndDefault() {
    ObjectNode e = TestFixtures.normalize("{'level': 'loud', 'foo': 1, 'device': {}}");
    assertThat(e.get("level").asText()).isEqualTo("error");
    assertThat(e.get("errors")).isEqualTo(TestFixtures.json(
        "[{'type':'invalid_data','name':'level','value':'loud','reason':'invalid level'},"
            + "{'type':'invalid_attribute','name':'foo'}]"));
  }

  @Test
  void errors_keepOnlyTheSizeOfAnOversizedOriginalValue() {
    String longDist = "d".repeat(5000);
    ObjectNode e = TestFixtures.normalize("{'release': 'r1', 'dist': '" + longDist + "'}");
    assertThat(e.has("dist")).isFalse();
    assertThat(e.get("errors")).isEqualTo(TestFixtures.json(
        "[{'type':'value_too_long','name':'dist','original_length':5000}]"));
  }

  @Test
  void eventId_acceptDashedAndUppercase_sentryCli() {
    ObjectNode e = TestFixtures.normalize("{'event_id': 'BD4BFEB7-2CAD-4167-A572-E14BEBF526ED'}");
    assertThat(e.get("event_id").asText()).isEqualTo("bd4bfeb72cad4167a572e14bebf526ed");
  }

  @Test
  void eventId_envelopeHeaderWins() {
    EventId header = EventId.random();
    ObjectNode e = TestFixtures.NORMALIZER.normalize(TestFixtures.json("{'event_id': 'x'}"),
        new IngestContext(Instant.parse("2026-11-28T19:00:00Z"), null, null, null, header));
    assertThat(e.get("event_id").asText()).isEqualTo(header.hex());
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void eventId_generateAndRecordWhenInvalid() {
    ObjectNode e = TestFixtures.normalize("{'event_id': 'nope'}");
    assertThat(e.get("event_id").asText()).matches("[0-9a-f]{32}");
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("event_id");
  }

  @Test
  void platform_defaultToOtherAndRecordUnknown() {
    assertThat(TestFixtures.normalize("{}").get("platform").asText()).isEqualTo("other");
    ObjectNode e = TestFixtures.normalize("{'platform': 'crystal'}");
    assertThat(e.get("platform").asText()).isEqualTo("other");
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("platform");
  }

  @Test
  void release_environment_dist_trimmedAndValidated() {
    ObjectNode e = TestFixtures.normalize("{'release': ' 1.0 ', 'environment': 'a/b', 'dist': ' '}");
    assertThat(e.get("release").asText()).isEqualTo("1.0");
    assertThat(e.has("environment")).isFalse();
    assertThat(e.has("dist")).isFalse();
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("environment");
  }

  @Test
  void logger_shortenLongJavaLoggersFromTheLeft() {
    String longLogger = "com.example." + "verylongpackage.".repeat(6) + "service.Foo";
    ObjectNode e = TestFixtures.normalize("{'platform': 'java', 'logger': '" + longLogger + "'}");
    assertThat(e.get("logger").asText()).startsWith("*").endsWith("service.Foo").hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void normalize_treatNonObjectAsEmptyEventWithError() {
    ObjectNode e = TestFixtures.NORMALIZER.normalize(TextNode.valueOf("boom"),
        IngestContext.at(Instant.parse("2026-11-28T19:00:00Z")));
    assertThat(e.get("type").asText()).isEqualTo("default");
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("event");
  }

  @Test
  void normalize_replaceDeepExtraByJsonString() {
    String deep = "[".repeat(900) + "]".repeat(900);
    ObjectNode e = TestFixtures.normalize("{'extra': {'deep': " + deep + "}}");
    assertThat(e.at("/extra/deep/0/0/0/0/0/0").isTextual()).isTrue();
  }

  @Test
  void normalize_defaultsExtraAndErrors() {
    ObjectNode e = TestFixtures.normalize("{}");
    assertThat(e.get("extra")).isEmpty();
    assertThat(e.get("errors")).isEmpty();
    assertThat(e.get("logger").asText()).isEmpty();
  }

  @Test
  void normalize_fingerprintStringifiedAndChecksumKept() {
    ObjectNode e = TestFixtures.normalize("{'fingerprint': ['a', 1, 2.5], 'checksum': 'abc'}");
    assertThat(e.get("fingerprint")).isEqualTo(TestFixtures.json("['a','1','2.5']"));
    assertThat(e.get("checksum").asText()).isEqualTo("abc");
  }
}

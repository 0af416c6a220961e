package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.Grouper;
import dev.picket.grouping.GroupingConfigs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed input (Sentry 9.0's Python sample) against the documented response. */
class SeedGoldenTest {
  static ObjectNode event;
  static JsonNode expected;

  @BeforeAll
  static void normalizeSeed() {
    event = TestFixtures.normalizeNow(TestFixtures.read("seed/input-event.json"));
    expected = TestFixtures.read("seed/expected-response.json");
  }

  @Test
  void seed_hasNoErrors() {
    assertThat(event.get("errors")).isEmpty();
  }

  @Test
  void seed_keepsEventIdAndDefaultsTypeLevel() {
    assertThat(event.get("event_id").asText()).isEqualTo(expected.get("eventID").asText());
    assertThat(event.get("type").asText()).isEqualTo("default");
    assertThat(event.get("level").asText()).isEqualTo("error");
    assertThat(event.get("platform").asText()).isEqualTo("python");
  }

  @Test
  void seed_logentryMatchesMessageEntry() {
    assertThat(event.get("logentry")).isEqualTo(entry("message"));
  }

  @Test
  void seed_requestMatchesRequestEntry() {
    JsonNode request = event.get("request");
    JsonNode exp = entry("request");
    assertThat(request.get("url")).isEqualTo(exp.get("url"));
    assertThat(request.get("method")).isEqualTo(exp.get("method"));
    assertThat(request.get("query_string")).isEqualTo(exp.get("query"));
    assertThat(request.get("fragment")).isEqualTo(exp.get("fragment"));
    assertThat(request.get("headers")).isEqualTo(exp.get("headers"));
    assertThat(request.get("cookies")).isEqualTo(exp.get("cookies"));
    assertThat(request.get("data")).isEqualTo(exp.get("data"));
    assertThat(request.get("env")).isEqualTo(exp.get("env"));
    assertThat(request.get("inferred_content_type")).isEqualTo(exp.get("inferredContentType"));
  }

  @Test
  void seed_userMatches() {
    assertThat(event.get("user")).isEqualTo(expected.get("user"));
  }

  @Test
  void seed_tagsAreTheSevenDocumentedOnes() {
    List<String> actual = new ArrayList<>();
    event.get("tags").forEach(t -> actual.add(
        t.get(0).asText().replaceFirst("^sentry:", "") + "=" + t.get(1).asText()));
    List<String> exp = new ArrayList<>();
    expected.get("tags").forEach(t -> exp.add(t.get("key").asText() + "=" + t.get("value").asText()));
    assertThat(actual).containsExactlyInAnyOrderElementsOf(exp);
  }

  @Test
  void seed_metadataIsTheTitle() {
    assertThat(event.get("metadata")).isEqualTo(expected.get("metadata"));
    assertThat(event.get("title").asText()).isEqualTo("This is an example Python exception");
  }

  @Test
  void seed_extraModulesAndTemplateKept() {
    assertThat(event.get("extra")).isEqualTo(expected.get("context"));
    assertThat(event.get("modules")).isEqualTo(expected.get("packages"));
    assertThat(event.path("template").path("lineno").asInt()).isEqualTo(14);
    assertThat(event.path("stacktrace").path("frames")).hasSize(5);
    assertThat(event.has("sdk")).isFalse();
  }

  @Test
  void seed_groupsToDocumentedFingerprint() {
    assertThat(new Grouper().group(event, GroupingConfigs.DEFAULT).hashes())
        .containsExactly("c4a4d06bc314205bb3b6bdb612dde7f1")
        .isEqualTo(List.of(expected.get("fingerprints").get(0).asText()));
  }

  private static JsonNode entry(String type) {
    for (JsonNode e : expected.get("entries")) {
      if (e.get("type").asText().equals(type)) {
        return e.get("data");
      }
    }
    throw new AssertionError("no entry " + type);
  }
}

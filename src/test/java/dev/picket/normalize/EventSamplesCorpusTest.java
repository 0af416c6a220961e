package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.Grouper;
import dev.picket.grouping.GroupingConfigs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property over the whole payload corpus: normalize + group never throw and always hash. */
class EventSamplesCorpusTest {
  static Stream<Path> samples() {
    return Stream.concat(TestFixtures.jsonFiles("event-samples").stream(),
        TestFixtures.jsonFiles("sentry-compat/incoming_events").stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void corpusEvent_normalizesAndGroupsWithoutThrowing(Path file) {
    JsonNode raw = TestFixtures.read(file);
    assertThatCode(() -> {
      ObjectNode event = TestFixtures.NORMALIZER.normalize(raw,
          IngestContext.at(Instant.parse("2026-11-28T19:00:00Z")));
      assertThat(event.get("event_id").asText()).matches("[0-9a-f]{32}");
      assertThat(event.get("errors").isArray()).isTrue();
      assertThat(event.get("title").asText()).isNotEmpty();
      assertThat(event.get("metadata").isObject()).isTrue();
      assertThat(new Grouper().group(event, GroupingConfigs.DEFAULT).hashes())
          .isNotEmpty().allMatch(h -> h.matches("[0-9a-f]{32}"));
    }).doesNotThrowAnyException();
  }
}

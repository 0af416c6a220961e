package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T19:00:00Z");
  private static final double NOW_S = NOW.getEpochSecond();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "ruby-sdk (0 digits)      | '\"2026-11-28T18:59:00Z\"'            | 1795892340.0",
    "java-sdk (3 digits)      | '\"2026-11-28T18:59:00.072Z\"'        | 1795892340.072",
    "python-sdk (6 digits)    | '\"2026-11-28T18:59:00.123456Z\"'     | 1795892340.123456",
    "go-sdk (9 digits)        | '\"2026-11-28T18:59:00.295550279Z\"'  | 1795892340.29555",
    "raven-ruby (no zone=UTC) | '\"2026-11-28T18:59:00\"'             | 1795892340.0",
    "offset                   | '\"2026-11-28T19:59:00+01:00\"'       | 1795892340.0",
    "node-sdk (float epoch)   | 1795892340.106                        | 1795892340.106",
    "ruby crumbs (int epoch)  | 1795892340                            | 1795892340.0",
  })
  void timestamps_acceptEveryWireForm(String sdk, String json, double expected) {
    ObjectNode e = TestFixtures.NORMALIZER.normalize(
        TestFixtures.json("{'timestamp': " + json.replace('"', '\'') + "}"), IngestContext.at(NOW));
    assertThat(e.get("timestamp").asDouble()).isEqualTo(expected);
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void timestamps_defaultToReceivedWhenAbsent_ravenJs() {
    ObjectNode e = TestFixtures.normalize("{}");
    assertThat(e.get("timestamp").asDouble()).isEqualTo(NOW_S);
    assertThat(e.get("received").asDouble()).isEqualTo(NOW_S);
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void timestamps_replaceFutureWithReceivedAndRecord() {
    ObjectNode e = TestFixtures.normalize("{'timestamp': '2026-11-28T19:05:00Z'}");
    assertThat(e.get("timestamp").asDouble()).isEqualTo(NOW_S);
    assertThat(e.at("/errors/0/type").asText()).isEqualTo("future_timestamp");
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("timestamp");
  }

  @Test
  void timestamps_replaceOlderThan30DaysAndRecord() {
    ObjectNode e = TestFixtures.normalize("{'timestamp': '2018-06-20T17:34:29'}");
    assertThat(e.get("timestamp").asDouble()).isEqualTo(NOW_S);
    assertThat(e.at("/errors/0/type").asText()).isEqualTo("past_timestamp");
  }

  @Test
  void timestamps_recordInvalidAndUseReceived() {
    ObjectNode e = TestFixtures.normalize("{'timestamp': 'yesterday'}");
    assertThat(e.get("timestamp").asDouble()).isEqualTo(NOW_S);
    assertThat(e.at("/errors/0/type").asText()).isEqualTo("invalid_data");
    assertThat(e.at("/errors/0/value").asText()).isEqualTo("yesterday");
  }

  @Test
  void timestamps_correctClockDriftFromSentAt_shiftingBreadcrumbs() {
    Instant received = Instant.parse("2025-01-02T10:00:00Z");
    IngestContext ctx = new IngestContext(received, null, null,
        Instant.parse("2025-01-01T10:00:00Z"), null);
    ObjectNode e = TestFixtures.NORMALIZER.normalize(TestFixtures.json(
        "{'timestamp': '2025-01-01T09:59:58Z', 'breadcrumbs': [{'timestamp': '2025-01-01T09:59:00Z'}]}"),
        ctx);
    assertThat(e.get("timestamp").asDouble())
        .isEqualTo(Instant.parse("2025-01-02T09:59:58Z").getEpochSecond());
    assertThat(e.at("/breadcrumbs/values/0/timestamp").asDouble())
        .isEqualTo(Instant.parse("2025-01-02T09:59:00Z").getEpochSecond());
    assertThat(e.at("/errors/0/type").asText()).isEqualTo("clock_drift");
  }

  @Test
  void timestamps_ignoreSmallDrift() {
    IngestContext ctx = new IngestContext(NOW, null, null, NOW.minusSeconds(600), null);
    ObjectNode e = TestFixtures.NORMALIZER.normalize(
        TestFixtures.json("{'timestamp': '2026-11-28T18:59:00Z'}"), ctx);
    assertThat(e.get("errors")).isEmpty();
    assertThat(e.get("timestamp").asDouble()).isEqualTo(NOW_S - 60);
  }
}

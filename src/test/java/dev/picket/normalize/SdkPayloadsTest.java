package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.Grouper;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.grouping.GroupingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every captured SDK's error and message event normalizes cleanly and gets a sensible title. */
class SdkPayloadsTest {
  private static final Grouper GROUPER = new Grouper();

  static Stream<Arguments> clients() throws Exception {
    try (Stream<Path> dirs = Files.list(TestFixtures.root().resolve("sdk-payloads"))) {
      List<Path> list = dirs.filter(d -> Files.exists(d.resolve("error-event.json"))).sorted().toList();
      return list.stream().map(d -> Arguments.of(d.getFileName().toString()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void sdkErrorEvent_isErrorTitledByLastExceptionType(String client) {
    JsonNode raw = TestFixtures.read("sdk-payloads/" + client + "/error-event.json");
    ObjectNode event = TestFixtures.normalizeNow(raw);
    JsonNode rawValues = raw.path("exception").has("values")
        ? raw.path("exception").path("values") : raw.path("exception");
    String lastType = rawValues.get(rawValues.size() - 1).path("type").asText();

    assertThat(event.get("errors")).as(event.get("errors").toString()).isEmpty();
    assertThat(event.get("type").asText()).isEqualTo("error");
    assertThat(event.path("metadata").path("type").asText()).isEqualTo(lastType);
    assertThat(event.get("title").asText()).startsWith(lastType + ": harness error");
    assertThat(event.get("culprit").asText()).isNotBlank();
    assertThat(tag(event, "sentry:user")).isEqualTo("id:42");
    assertThat(tag(event, "sentry:release")).isEqualTo("harness@1.0.0");
    assertThat(tag(event, "environment")).isEqualTo("harness");
    assertThat(client).startsWith(tag(event, "client"));
    assertThat(event.has("sdk")).isEqualTo(!client.equals("raven-js") && !client.equals("sentry-cli-raw"));
    GroupingResult g = GROUPER.group(event, GroupingConfigs.DEFAULT);
    assertThat(g.hashes()).isNotEmpty().allMatch(h -> h.matches("[0-9a-f]{32}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void sdkMessageEvent_isTitledByTheMessageAndGroupedByIt(String client) {
    JsonNode raw = TestFixtures.read("sdk-payloads/" + client + "/message-event.json");
    ObjectNode event = TestFixtures.normalizeNow(raw);

    assertThat(event.get("errors")).as(event.get("errors").toString()).isEmpty();
    assertThat(event.get("title").asText()).startsWith("harness message from");
    assertThat(event.path("logentry").path("message").asText()).startsWith("harness message from");
    assertThat(event.get("level").asText()).isEqualTo("info");
    GroupingResult g = GROUPER.group(event, GroupingConfigs.DEFAULT);
    assertThat(g.hashes()).isNotEmpty();
  }

  static String tag(JsonNode event, String key) {
    for (JsonNode t : event.get("tags")) {
      if (t.get(0).asText().equals(key)) {
        return t.get(1).asText();
      }
    }
    return null;
  }
}

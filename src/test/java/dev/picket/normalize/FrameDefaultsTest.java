package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** in_app consistency and JavaScript frame defaults, as Sentry's answers show them. */
class FrameDefaultsTest {
  private static List<JsonNode> inApp(String framesJson) {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'E', 'stacktrace': {'frames': " + framesJson + "}}]}");
    List<JsonNode> out = new ArrayList<>();
    e.at("/exception/values/0/stacktrace/frames").forEach(f -> out.add(f.get("in_app")));
    return out;
  }

  @Test
  void inApp_allInAppBecomesNoneInApp_pythonSdk() {
    assertThat(inApp("[{'function': 'a', 'in_app': true}, {'function': 'b', 'in_app': true}]"))
        .extracting(JsonNode::asBoolean).containsExactly(false, false);
  }

  @Test
  void inApp_mixedKeepsInAppFramesAndUnsetBecomesFalse() {
    assertThat(inApp("[{'function': 'a', 'in_app': true}, {'function': 'b'}, {'function': 'c', 'in_app': false}]"))
        .extracting(JsonNode::asBoolean).containsExactly(true, false, false);
  }

  @Test
  void javascriptFrames_getModuleFromUrlAndLoseThePlaceholderFunction_browserSdk() {
    ObjectNode e = TestFixtures.normalize("{'platform': 'javascript', 'exception': [{'type': 'Error',"
        + " 'stacktrace': {'frames': [{'filename': 'http://127.0.0.1:8080/dist/bundle.js', 'function': '?',"
        + " 'lineno': 2, 'colno': 74008, 'in_app': true}]}}]}");
    assertThat(e.at("/exception/values/0/stacktrace/frames/0")).isEqualTo(TestFixtures.json(
        "{'filename': '/dist/bundle.js', 'abs_path': 'http://127.0.0.1:8080/dist/bundle.js', 'lineno': 2,"
            + " 'colno': 74008, 'in_app': false, 'module': 'dist/bundle'}"));
    assertThat(e.get("culprit").asText()).isEqualTo("?(/dist/bundle.js)");
  }

  @Test
  void pythonFrames_keepTheirFunctionAndGetNoGeneratedModule() {
    ObjectNode e = TestFixtures.normalize("{'platform': 'python', 'stacktrace': {'frames': ["
        + "{'filename': 'http://x/a.js', 'function': '?'}]}}");
    assertThat(e.at("/stacktrace/frames/0/function").asText()).isEqualTo("?");
    assertThat(e.at("/stacktrace/frames/0").has("module")).isFalse();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(nullValues = "null", value = {
    "http://localhost:4201/polyfills.js, polyfills",
    "http://127.0.0.1:8080/dist/bundle.js, dist/bundle",
    "https://cdn.example.com/static/1.2.3/app/main.min.js?v=1, app/main",
    "https://cdn.example.com/a1b2c3d4e5f6/vendor.js, vendor",
    "https://example.com/page.html, null",
    "https://example.com/, null",
  })
  void moduleFromUrl(String url, String module) {
    assertThat(FrameDefaults.moduleFromUrl(url)).isEqualTo(module);
  }
}

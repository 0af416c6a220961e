package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "values object  | {'exception': {'values': [{'type': 'E', 'value': 'v'}]}}",
    "bare list (go-sdk) | {'exception': [{'type': 'E', 'value': 'v'}]}",
    "single object  | {'exception': {'type': 'E', 'value': 'v'}}",
    "legacy alias   | {'sentry.interfaces.Exception': {'values': [{'type': 'E', 'value': 'v'}]}}",
  })
  void exceptions_acceptEveryContainerShape(String name, String input) {
    ObjectNode e = TestFixtures.normalize(input);
    assertThat(e.get("exception")).isEqualTo(TestFixtures.json("{'values':[{'type':'E','value':'v'}]}"));
    assertThat(e.get("type").asText()).isEqualTo("error");
    assertThat(e.get("title").asText()).isEqualTo("E: v");
  }

  @Test
  void exceptions_splitTypeFromValueWhenTypeMissing() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'value': 'ValueError: bad input'}]}");
    assertThat(e.at("/exception/values/0/type").asText()).isEqualTo("ValueError");
    assertThat(e.at("/exception/values/0/value").asText()).isEqualTo("bad input");
  }

  @Test
  void exceptions_jsonEncodeNonStringValue() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'E', 'value': {'a': true}}]}");
    assertThat(e.at("/exception/values/0/value").asText()).isEqualTo("{\"a\":true}");
  }

  @Test
  void exceptions_removeEntryWithoutTypeAndValue() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'module': 'm'}, {'type': 'E'}]}");
    assertThat(e.at("/exception/values")).hasSize(1);
    assertThat(e.at("/errors/0")).isEqualTo(TestFixtures.json(
        "{'type':'missing_attribute','name':'exception.values.0','attribute':'type or value'}"));
  }

  @Test
  void exceptions_dropNullMechanismKeepEmptyModule_pythonSdkRubySdk() {
    // Sentry answers `"module": ""` for sentry-ruby's exceptions (sentry-compat ruby_zero_division)
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'E', 'module': '', 'mechanism': null}]}");
    assertThat(e.at("/exception/values/0")).isEqualTo(TestFixtures.json("{'type':'E','module':''}"));
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void exceptions_keepChainedEntryWithoutStacktrace_goSdk() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': '*errors.fundamental', 'value': 'x'},"
        + "{'type': '*errors.withStack', 'value': 'y', 'stacktrace': {'frames': [{'function': 'main', 'abs_path': '/srv/main.go', 'module': 'main'}]}}]}");
    assertThat(e.at("/exception/values")).hasSize(2);
    assertThat(e.at("/metadata/type").asText()).isEqualTo("*errors.withStack");
    assertThat(e.at("/metadata/filename").asText()).isEqualTo("/srv/main.go");
  }

  @Test
  void exceptions_moveTopLevelStacktraceIntoSingleException() {
    ObjectNode e = TestFixtures.normalize("{'exception': {'type': 'E'}, 'stacktrace': {'frames': [{'function': 'f'}]}}");
    assertThat(e.has("stacktrace")).isFalse();
    assertThat(e.at("/exception/values/0/stacktrace/frames/0/function").asText()).isEqualTo("f");
  }

  @Test
  void exceptions_syntheticMechanismTitlesByMessage_nodeSdk() {
    ObjectNode e = TestFixtures.normalize("{'message': 'hello', 'exception': {'values': [{'value': 'hello',"
        + "'mechanism': {'type': 'generic', 'synthetic': true, 'handled': true},"
        + "'stacktrace': {'frames': [{'function': 'main', 'filename': '/srv/a.js', 'in_app': true}]}}]}}");
    assertThat(e.get("type").asText()).isEqualTo("error");
    assertThat(e.get("title").asText()).isEqualTo("hello");
    assertThat(e.get("metadata").has("type")).isFalse();
    assertThat(e.has("culprit")).isFalse();
  }

  @Test
  void exceptions_recordInvalidContainer() {
    ObjectNode e = TestFixtures.normalize("{'exception': 'boom'}");
    assertThat(e.has("exception")).isFalse();
    assertThat(e.at("/errors/0/reason").asText()).isEqualTo("expected a list or values object");
  }

  @Test
  void exceptions_cutLongValuesWithEllipsis() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'E', 'value': '" + "v".repeat(9000) + "'}]}");
    assertThat(e.at("/exception/values/0/value").asText()).hasSize(8192).endsWith("...");
    assertThat(e.at("/metadata/value").asText()).hasSize(1024);
  }
}

package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StacktracesTest {
  /** The normalized frame without {@code in_app}, which FrameDefaultsTest covers. */
  private static JsonNode frame(String frameJson) {
    ObjectNode e = TestFixtures.normalize("{'stacktrace': {'frames': [" + frameJson + "]}}");
    ObjectNode frame = (ObjectNode) e.at("/stacktrace/frames/0");
    frame.remove("in_app");
    return frame;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "abs_path from filename       | {'filename': 'a.py'}                          | {'filename':'a.py','abs_path':'a.py'}",
    "filename from path (go-sdk)  | {'abs_path': '/srv/app/main.go'}              | {'abs_path':'/srv/app/main.go','filename':'/srv/app/main.go'}",
    "filename from URL path       | {'abs_path': 'https://x.io/static/app.js?v=1'} | {'abs_path':'https://x.io/static/app.js?v=1','filename':'/static/app.js'}",
    "negative lineno dropped      | {'function': 'f', 'lineno': -1}               | {'function':'f'}",
    "addresses lowercase 0x       | {'instruction_addr': '0xDEADBEEF', 'symbol_addr': 4096} | {'instruction_addr':'0xdeadbeef','symbol_addr':'0x1000'}",
    "abs_path from URL filename   | {'filename': 'http://x/dist/a.js'}            | {'abs_path':'http://x/dist/a.js','filename':'/dist/a.js'}",
    "empty module dropped (java)  | {'function': 'f', 'module': ''}               | {'function':'f'}",
  })
  void frames_normalizeFields(String name, String input, String expected) {
    assertThat(frame(input)).isEqualTo(TestFixtures.json(expected));
  }

  @Test
  void frames_keepVarsOfAnyJsonType_nodeSdk() {
    JsonNode f = frame("{'function': 'f', 'vars': {'n': 1234, 'b': true, 'o': {'x': null}, 'u': '<undefined>'}}");
    assertThat(f.get("vars")).isEqualTo(TestFixtures.json("{'n':1234,'b':true,'o':{'x':null},'u':'<undefined>'}"));
  }

  @Test
  void frames_keepContextLinesEndingInNewline_rubySdk() {
    JsonNode f = frame("{'function': 'f', 'context_line': '  x\\n', 'pre_context': ['a\\n', null]}");
    assertThat(f.get("context_line").asText()).isEqualTo("  x\n");
    assertThat(f.get("pre_context")).hasSize(2);
  }

  @Test
  void stacktraces_keepOnlyTheLast250Frames() {
    StringBuilder frames = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      frames.append(i == 0 ? "" : ",").append("{'function': 'f").append(i).append("'}");
    }
    ObjectNode e = TestFixtures.normalize("{'stacktrace': {'frames': [" + frames + "]}}");
    assertThat(e.at("/stacktrace/frames")).hasSize(250);
    assertThat(e.at("/stacktrace/frames/249/function").asText()).isEqualTo("f299");
  }

  @Test
  void stacktraces_replaceVarsDeeperThanSevenLevelsByJsonString() {
    String deep = "{'a':".repeat(10) + "1" + "}".repeat(10);
    JsonNode f = frame("{'function': 'f', 'vars': " + deep + "}");
    JsonNode level = f.get("vars");
    for (int i = 0; i < 7; i++) {
      assertThat(level.isObject()).isTrue();
      level = level.get("a");
    }
    assertThat(level.isTextual()).isTrue();
  }

  @Test
  void threads_acceptBareListAndNullStacktrace_goSdkRubySdk() {
    ObjectNode e = TestFixtures.normalize("{'threads': [{'id': 320, 'name': null, 'crashed': true,"
        + " 'current': true, 'stacktrace': null}, {'current': true, 'stacktrace': {'frames': [{'function': 'main'}]}}]}");
    assertThat(e.get("threads")).isEqualTo(TestFixtures.json("{'values':[{'id':320,'crashed':true,'current':true},"
        + "{'current':true,'stacktrace':{'frames':[{'function':'main','in_app':false}]}}]}"));
  }

  @Test
  void breadcrumbs_acceptBareListAndDefaultNulls_javaSdkRubySdk() {
    ObjectNode e = TestFixtures.normalize("{'breadcrumbs': [{'timestamp': 1795891692, 'type': null,"
        + " 'level': null, 'message': '', 'category': 'http', 'data': {'k': 1}}]}");
    assertThat(e.at("/breadcrumbs/values/0")).isEqualTo(TestFixtures.json(
        "{'type':'default','timestamp':1795891692.0,'level':'info','message':'','category':'http','data':{'k':1}}"));
    assertThat(e.get("errors")).isEmpty();
  }

  @Test
  void breadcrumbs_dropCrumbWithoutTimestampAndRecord() {
    ObjectNode e = TestFixtures.normalize("{'breadcrumbs': {'values': [{'message': 'x'}]}}");
    assertThat(e.has("breadcrumbs")).isFalse();
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("breadcrumbs.values.0.timestamp");
  }

  @Test
  void template_keepsContextAndDerivesAbsPath() {
    ObjectNode e = TestFixtures.normalize("{'sentry.interfaces.Template': {'filename': 'a.html', 'lineno': 3, 'context_line': 'x'}}");
    assertThat(e.get("template")).isEqualTo(TestFixtures.json(
        "{'filename':'a.html','abs_path':'a.html','lineno':3,'context_line':'x'}"));
  }
}

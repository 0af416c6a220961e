package dev.picket.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each entry type of api-event-details §4, rendered from a stored (snake_case) event. */
class EntriesRendererTest {
  static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode entry(String storedEvent, String type) {
    for (JsonNode entry : EntriesRenderer.render(json(storedEvent))) {
      if (entry.path("type").asText().equals(type)) {
        return json(entry.get("data").toString()); // as a client parses it (int vs long nodes)
      }
    }
    throw new AssertionError("no " + type + " entry");
  }

  @Test
  void entries_areInDisplayOrderWithTemplateBeforeBreadcrumbs() {
    JsonNode entries = EntriesRenderer.render(json("{"
        + "'debug_meta': {'images': [{'type': 'elf'}]},"
        + "'request': {'url': 'http://x/'},"
        + "'breadcrumbs': {'values': [{'timestamp': 1.0}]},"
        + "'template': {'filename': 'a.html', 'lineno': 1, 'context_line': 'x'},"
        + "'csp': {'document_uri': 'http://x/'},"
        + "'threads': {'values': [{'id': 1}]},"
        + "'stacktrace': {'frames': [{'function': 'f'}]},"
        + "'exception': {'values': [{'type': 'E'}]},"
        + "'logentry': {'message': 'hi'}}"));
    List<String> types = new ArrayList<>();
    entries.forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("message", "exception", "stacktrace", "threads", "csp", "template",
        "breadcrumbs", "request", "debugmeta");
  }

  @Test
  void message_dropsEmptyParts() {
    assertThat(entry("{'logentry': {'message': 'Hello %s', 'params': ['world'], 'formatted': 'Hello world'}}",
        "message")).isEqualTo(json("{'message': 'Hello %s', 'params': ['world'], 'formatted': 'Hello world'}"));
    assertThat(entry("{'logentry': {'formatted': 'only formatted', 'params': []}}", "message"))
        .isEqualTo(json("{'formatted': 'only formatted'}"));
  }

  @Test
  void exception_keepsMechanismSnakeCasePrunedAndRendersThreadIdRawStacktraceAndOmitted() {
    JsonNode data = entry("{'exception': {'exc_omitted': [1, 3], 'values': [{'type': 'E', 'value': '',"
        + " 'thread_id': 7, 'mechanism': {'type': 'generic', 'handled': false, 'help_link': 'http://h',"
        + " 'description': '', 'meta': {'errno': {'number': 2}}},"
        + " 'stacktrace': {'frames': [{'function': 'a', 'in_app': false}, {'function': 'b', 'in_app': true}]},"
        + " 'raw_stacktrace': {'frames': [{'function': 'x'}]}}]}}", "exception");
    JsonNode value = data.at("/values/0");
    assertThat(value.get("mechanism")).isEqualTo(json(
        "{'type': 'generic', 'handled': false, 'help_link': 'http://h', 'meta': {'errno': {'number': 2}}}"));
    assertThat(value.get("value").isNull()).isTrue();
    assertThat(value.get("threadId").asInt()).isEqualTo(7);
    assertThat(value.at("/rawStacktrace/frames/0/function").asText()).isEqualTo("x");
    assertThat(data.get("excOmitted")).isEqualTo(json("[1, 3]"));
    assertThat(data.get("hasSystemFrames").asBoolean()).as("an in-app frame exists").isTrue();
  }

  @Test
  void exception_hasSystemFramesIsFalseWithoutInAppFrames() {
    JsonNode data = entry("{'exception': {'values': [{'type': 'E',"
        + " 'stacktrace': {'frames': [{'function': 'a', 'in_app': false}]}}]}}", "exception");
    assertThat(data.get("hasSystemFrames").asBoolean()).isFalse();
    assertThat(data.get("excOmitted").isNull()).isTrue();
    assertThat(data.at("/values/0/rawStacktrace").isNull()).isTrue();
  }

  @Test
  void stacktrace_rendersOmittedRegistersPaddedAddressesVarsAndContextPairs() {
    JsonNode data = entry("{'stacktrace': {'frames_omitted': [2, 5], 'registers': {'rip': '0x1'}, 'frames': ["
        + "{'function': 'a', 'instruction_addr': '0x1a', 'symbol_addr': '0x10000', 'lineno': 28,"
        + " 'pre_context': ['p1', 'p2'], 'context_line': 'c', 'post_context': ['n1'], 'vars': {'x': 1}},"
        + "{'function': 'b', 'lineno': 3}]}}", "stacktrace");
    assertThat(data.get("framesOmitted")).isEqualTo(json("[2, 5]"));
    assertThat(data.get("registers")).isEqualTo(json("{'rip': '0x1'}"));
    JsonNode first = data.at("/frames/0");
    assertThat(first.get("instructionAddr").asText()).isEqualTo("0x0001a");
    assertThat(first.get("symbolAddr").asText()).isEqualTo("0x10000");
    assertThat(first.get("context")).isEqualTo(json("[[26, 'p1'], [27, 'p2'], [28, 'c'], [29, 'n1']]"));
    assertThat(first.get("vars")).isEqualTo(json("{'x': 1}"));
    JsonNode second = data.at("/frames/1");
    assertThat(second.get("vars").isNull()).as("Sentry 9.1 shows vars null when none were sent").isTrue();
    assertThat(second.get("context")).isEqualTo(json("[]"));
    assertThat(second.get("instructionAddr").isNull()).isTrue();
    assertThat(first.has("map")).isFalse();
  }

  @Test
  void stacktrace_showsSourceMapFieldsForMappedFrames() {
    JsonNode frame = entry("{'stacktrace': {'frames': [{'function': 'f', 'abs_path': 'webpack:///src/a.ts',"
        + " 'data': {'sourcemap': 'http://x/dist/bundle.js.map?v=1', 'orig_lineno': 2, 'orig_colno': 9,"
        + " 'orig_abs_path': 'http://x/dist/bundle.js'}}]}}", "stacktrace").at("/frames/0");
    assertThat(frame.get("map").asText()).isEqualTo("bundle.js.map");
    assertThat(frame.get("mapUrl").asText()).isEqualTo("http://x/dist/bundle.js.map?v=1");
    assertThat(frame.get("origLineNo").asInt()).isEqualTo(2);
    assertThat(frame.get("origColNo").asInt()).isEqualTo(9);
    assertThat(frame.get("origAbsPath").asText()).isEqualTo("http://x/dist/bundle.js");
    assertThat(frame.get("origFunction").asText()).isEqualTo("?");
    assertThat(frame.get("origFilename").asText()).isEqualTo("?");
  }

  @Test
  void threads_renderStacktraceNullWithoutFrames() {
    JsonNode data = entry("{'threads': {'values': [{'id': 1, 'name': 'main', 'crashed': true, 'current': true,"
        + " 'stacktrace': {'frames': [{'function': 'run'}]}}, {'id': 2, 'crashed': false}]}}", "threads");
    assertThat(data.at("/values/0/stacktrace/frames/0/function").asText()).isEqualTo("run");
    assertThat(data.at("/values/0/crashed").asBoolean()).isTrue();
    assertThat(data.at("/values/1/stacktrace").isNull()).isTrue();
    assertThat(data.at("/values/1/name").isNull()).isTrue();
  }

  @Test
  void template_buildsContextPairsLikeFrames() {
    assertThat(entry("{'template': {'filename': 'a.html', 'abs_path': '/t/a.html', 'lineno': 3,"
        + " 'pre_context': ['1', '2'], 'context_line': '3', 'post_context': ['4']}}", "template"))
        .isEqualTo(json("{'lineNo': 3, 'context': [[1, '1'], [2, '2'], [3, '3'], [4, '4']],"
            + " 'filename': 'a.html'}"));
  }

  @Test
  void breadcrumbs_haveSevenKeysLevelDefaultedAndMillisecondTimes() {
    JsonNode crumb = entry("{'breadcrumbs': {'values': [{'timestamp': 1645027401.362913, 'message': ''}]}}",
        "breadcrumbs").at("/values/0");
    assertThat(crumb).isEqualTo(json("{'type': 'default', 'timestamp': '2022-02-16T16:03:21.363Z',"
        + " 'level': 'info', 'message': '', 'category': null, 'data': null, 'event_id': null}"));
  }

  @Test
  void request_rendersTheSeedEraShape() {
    JsonNode data = entry("{'request': {'url': 'http://x/a', 'method': 'POST', 'query_string': 'a=1',"
        + " 'fragment': 'top', 'data': {'k': ['v']}, 'inferred_content_type': 'application/x-www-form-urlencoded',"
        + " 'headers': [['Content-Type', 'application/x-www-form-urlencoded']], 'cookies': [['s', '1']],"
        + " 'env': {}}}", "request");
    assertThat(data).isEqualTo(json("{'cookies': [['s', '1']], 'fragment': 'top',"
        + " 'headers': [['Content-Type', 'application/x-www-form-urlencoded']],"
        + " 'inferredContentType': 'application/x-www-form-urlencoded', 'url': 'http://x/a', 'env': null,"
        + " 'query': 'a=1', 'data': {'k': ['v']}, 'method': 'POST'}"));
  }

  @Test
  void securityReports_keepSnakeCaseDataWithoutEmptyValues() {
    for (String type : List.of("csp", "hpkp", "expectct", "expectstaple")) {
      assertThat(entry("{'" + type + "': {'document_uri': 'http://x/', 'blocked_uri': 'http://y/',"
          + " 'effective_directive': 'img-src', 'referrer': '', 'status_code': 0, 'script_sample': null}}", type))
          .isEqualTo(json("{'document_uri': 'http://x/', 'blocked_uri': 'http://y/',"
              + " 'effective_directive': 'img-src', 'status_code': 0}"));
    }
  }

  @Test
  void debugmeta_keepsImagesAndSdkInfoAsStored() {
    assertThat(entry("{'debug_meta': {'images': [{'type': 'macho', 'image_addr': '0x1000', 'debug_id': 'abc'}],"
        + " 'sdk_info': {'sdk_name': 'iOS'}, 'is_debug_build': false}}", "debugmeta"))
        .isEqualTo(json("{'images': [{'type': 'macho', 'image_addr': '0x1000', 'debug_id': 'abc'}],"
            + " 'sdk_info': {'sdk_name': 'iOS'}, 'is_debug_build': false}"));
  }
}

package dev.picket.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.normalize.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventMetadataTest {
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', value = {
    "python | {'module': 'shop.views', 'function': 'checkout', 'in_app': true} | shop.views in checkout",
    "node   | {'module': 'send_events', 'function': 'main'}                    | main(send_events)",
    "javascript | {'filename': '/a.js'}                                        | ?(/a.js)",
    "native | {'function': 'crash', 'filename': 'a.c'}                         | crash",
    "cocoa  | {'filename': 'a.m'}                                              | ?",
  })
  void culprit_formattedByPlatform(String platform, String frame, String expected) {
    ObjectNode e = TestFixtures.normalize("{'platform': '" + platform + "', 'exception': [{'type': 'E',"
        + " 'stacktrace': {'frames': [{'module': 'other', 'function': 'x'}, " + frame + "]}}]}");
    assertThat(e.get("culprit").asText()).isEqualTo(expected);
  }

  @Test
  void culprit_prefersLastInAppFrame() {
    ObjectNode e = TestFixtures.normalize("{'platform': 'python', 'exception': [{'type': 'E', 'stacktrace': {'frames': ["
        + "{'module': 'app', 'function': 'view', 'in_app': true}, {'module': 'lib', 'function': 'x', 'in_app': false}]}}]}");
    assertThat(e.get("culprit").asText()).isEqualTo("app in view");
    assertThat(e.at("/metadata/function").asText()).isEqualTo("view");
  }

  @Test
  void culprit_clientValueThenTransactionThenUrl() {
    assertThat(TestFixtures.normalize("{'culprit': 'c', 'transaction': 't'}").get("culprit").asText()).isEqualTo("c");
    assertThat(TestFixtures.normalize("{'transaction': 't'}").get("culprit").asText()).isEqualTo("t");
    assertThat(TestFixtures.normalize("{'request': {'url': 'http://x/y'}}").get("culprit").asText())
        .isEqualTo("http://x/y");
  }

  @Test
  void metadata_errorUsesLastExceptionAndCrashFrame() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'Cause', 'value': 'c'}, {'type': 'E',"
        + " 'value': 'line1\\nline2', 'stacktrace': {'frames': [{'filename': 'a.py', 'function': 'f'}]}}]}");
    assertThat(e.get("metadata")).isEqualTo(TestFixtures.json(
        "{'type':'E','value':'line1\\nline2','filename':'a.py','function':'f'}"));
    assertThat(e.get("title").asText()).isEqualTo("E: line1");
    assertThat(e.get("location").asText()).isEqualTo("a.py");
  }

  @Test
  void metadata_errorWithoutValueTitlesByType() {
    ObjectNode e = TestFixtures.normalize("{'exception': [{'type': 'E'}]}");
    assertThat(e.get("metadata")).isEqualTo(TestFixtures.json("{'type':'E','value':''}"));
    assertThat(e.get("title").asText()).isEqualTo("E");
    assertThat(e.has("location")).isFalse();
  }

  @Test
  void csp_metadataDirectiveUriMessage_titleIsMessage_locationIsUri() {
    ObjectNode e = TestFixtures.normalize("{'logentry': {'formatted': 'Blocked \\u0027image\\u0027 from \\u0027data:\\u0027'},"
        + " 'csp': {'effective_directive': 'img-src', 'blocked_uri': 'data'}}");
    assertThat(e.get("type").asText()).isEqualTo("csp");
    assertThat(e.get("metadata").toString())
        .isEqualTo("{\"directive\":\"img-src\",\"uri\":\"data:\",\"message\":\"Blocked 'image' from 'data:'\"}");
    assertThat(e.get("title").asText()).isEqualTo("Blocked 'image' from 'data:'");
    assertThat(e.get("location").asText()).isEqualTo("data:");
  }

  @Test
  void hostReports_metadataOriginMessage_untitledWithoutMessage() {
    ObjectNode e = TestFixtures.normalize("{'expectstaple': {'hostname': 'www.example.com'}}");
    assertThat(e.get("type").asText()).isEqualTo("expectstaple");
    assertThat(e.get("metadata").toString()).isEqualTo("{\"origin\":\"www.example.com\",\"message\":\"\"}");
    assertThat(e.get("title").asText()).isEqualTo("<untitled>");
    assertThat(e.get("location").asText()).isEqualTo("www.example.com");
  }
}

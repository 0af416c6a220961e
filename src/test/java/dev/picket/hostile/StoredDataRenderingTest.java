package dev.picket.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored XSS and template injection: script tags and template syntax planted in every string
 * field of an event come back from the API as JSON data, unchanged, never interpreted, with
 * {@code application/json} and {@code nosniff}.
 */
class StoredDataRenderingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PAYLOAD =
      "<script>alert(1)</script> {{7*7}} ${7*7} \"><img src=x onerror=alert(1)>";

  @TempDir static Path dir;
  static TestServer server;
  static Project project;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    project = server.newProject();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void plantedMarkupAndTemplates_comeBackAsEscapedJsonData() throws Exception {
    String id = ingest(event());
    String path = "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug()
        + "/events/" + id + "/";
    HttpResponse<String> response =
        server.get(path, "Bearer " + server.token(project, Role.MEMBER, "project:read"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // JSON-escaped: the quote that would close an HTML attribute is always \"; 49 is never computed
    assertThat(response.body()).doesNotContain(" \"><img").contains("\\\"><img").doesNotContain(" 49 ");

    Map<String, String> strings = new java.util.LinkedHashMap<>();
    flatten("", JSON.readTree(response.body()), strings);
    List<String> carrying = new ArrayList<>();
    strings.forEach((p, v) -> {
      if (v.contains(PAYLOAD)) {
        carrying.add(p);
      }
    });
    // message, title, culprit, metadata; exception type/value/module; frame fields, context and
    // vars; tags; user; breadcrumbs; request headers, query and body; extra; contexts
    for (String field : List.of("/message", "/title", "/culprit", "/metadata/value",
        "/data/values/0/type", "/data/values/0/value", "/data/values/0/module",
        "/frames/0/function", "/frames/0/filename", "/frames/0/module", "/frames/0/absPath",
        "/frames/0/context/0/1", "/frames/0/vars/" + PAYLOAD, "/tags/", "/user/id",
        "/user/username", "/user/data/k", "/data/values/0/message", "/data/values/0/category",
        "/data/values/0/data/" + PAYLOAD, "/data/headers/0/1", "/data/query", "/data/data/field",
        "/context/" + PAYLOAD, "/contexts/planted/value")) {
      assertThat(carrying).as("a field at " + field + " carrying the payload unchanged")
          .anyMatch(p -> p.endsWith(field) || (field.endsWith("/") && p.contains(field)));
    }
  }

  static ObjectNode event() {
    ObjectNode e = JSON.createObjectNode();
    e.put("message", PAYLOAD);
    e.put("culprit", PAYLOAD);
    e.put("logger", "x");
    ObjectNode exception = e.putObject("exception").putArray("values").addObject();
    exception.put("type", PAYLOAD).put("value", PAYLOAD).put("module", PAYLOAD);
    ObjectNode frame = exception.putObject("stacktrace").putArray("frames").addObject();
    frame.put("function", PAYLOAD).put("filename", PAYLOAD).put("module", PAYLOAD)
        .put("abs_path", PAYLOAD).put("context_line", PAYLOAD).put("lineno", 1).put("in_app", true);
    frame.putArray("pre_context").add(PAYLOAD);
    frame.putObject("vars").put(PAYLOAD, PAYLOAD);
    e.putObject("tags").put("planted", PAYLOAD);
    e.putObject("user").put("id", PAYLOAD).put("username", PAYLOAD).put("ip_address", "127.0.0.1")
        .putObject("data").put("k", PAYLOAD);
    ObjectNode request = e.putObject("request").put("url", "http://example.com/?q=" + PAYLOAD)
        .put("method", "GET").put("query_string", PAYLOAD);
    request.putObject("headers").put("X-Planted", PAYLOAD);
    request.putObject("data").put("field", PAYLOAD);
    e.putObject("extra").put(PAYLOAD, PAYLOAD);
    e.putObject("contexts").putObject("planted").put("type", "planted").put("value", PAYLOAD);
    ObjectNode crumb = e.putObject("breadcrumbs").putArray("values").addObject();
    crumb.put("timestamp", System.currentTimeMillis() / 1000.0).put("message", PAYLOAD)
        .put("category", PAYLOAD).putObject("data").put(PAYLOAD, PAYLOAD);
    return e;
  }

  static String ingest(ObjectNode event) throws Exception {
    HttpResponse<String> response = server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey() + ", sentry_version=7")
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(JSON.writeValueAsString(event))).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("id").asText();
  }

  /** Every string value (and object key, as a value at path {@code .../#key}) by JSON pointer. */
  static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isTextual()) {
      out.put(path, node.textValue());
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(path + "/" + e.getKey() + "#key", e.getKey());
        flatten(path + "/" + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "/" + i, node.get(i), out);
      }
    }
  }
}

package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Browser security reports over HTTP ({@code /security/}, {@code /csp-report/}), read back through
 * the events list and the event details API.
 */
class SecurityReportTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
      + "Chrome/120.0.0.0 Safari/537.36";

  static final String CSP2 = """
      {"csp-report": {"document-uri": "https://shop.example.com/cart?x=1", "referrer": "https://shop.example.com/",
       "violated-directive": "script-src 'self' https://shop.example.com cdn.example.com",
       "effective-directive": "script-src", "original-policy": "script-src 'self' cdn.example.com; report-uri /r",
       "disposition": "enforce", "blocked-uri": "https://evil.com/steal.js?v=2", "line-number": 12,
       "column-number": 4, "source-file": "https://shop.example.com/app.js", "status-code": 200,
       "script-sample": ""}}""";

  static final String REPORTING_API = """
      [{"type": "csp-violation", "age": 53531, "url": "https://shop.example.com/", "user_agent": "UA",
        "body": {"documentURL": "https://shop.example.com/", "blockedURL": "https://fonts.evil.com/f.woff",
                 "effectiveDirective": "font-src", "originalPolicy": "font-src 'self'; report-to csp",
                 "disposition": "report", "statusCode": 200, "sample": ""}},
       {"type": "csp-violation", "age": 53532, "url": "https://shop.example.com/", "user_agent": "UA",
        "body": {"documentURL": "https://shop.example.com/", "blockedURL": "https://fonts.evil.com/g.woff",
                 "effectiveDirective": "font-src", "originalPolicy": "font-src 'self'; report-to csp",
                 "disposition": "report", "statusCode": 200}}]""";

  static final String EXPECT_CT = """
      {"expect-ct-report": {"date-time": "2024-04-06T13:00:50Z", "hostname": "www.example.com", "port": 443,
       "scheme": "https", "effective-expiration-date": "2024-05-01T12:40:50Z",
       "served-certificate-chain": ["-----BEGIN CERTIFICATE-----\\nABC\\n-----END CERTIFICATE-----"],
       "validated-certificate-chain": [], "scts": [{"version": 1, "status": "invalid", "source": "embedded",
       "serialized_sct": "ABCD=="}], "failure-mode": "enforce", "test-report": false}}""";

  static final String HPKP = """
      {"date-time": "2024-04-06T13:00:50Z", "hostname": "www.example.com", "port": 443,
       "effective-expiration-date": "2024-05-01T12:40:50Z", "include-subdomains": false,
       "noted-hostname": "example.com", "served-certificate-chain": ["pem1"], "validated-certificate-chain": ["pem2"],
       "known-pins": ["pin-sha256=\\"d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM=\\""]}""";

  HttpResponse<String> post(Project project, String path, String contentType, String body) {
    HttpRequest.Builder request = server.request("/api/" + project.id() + path)
        .header("User-Agent", UA).POST(BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.send(request.build());
  }

  String keyQuery(Project project) {
    return "?sentry_key=" + server.key(project).publicKey();
  }

  /** The project's events, newest first, each with its full details. */
  List<JsonNode> events(Project project) throws Exception {
    String token = server.token(project, Role.MEMBER, "project:read");
    String base = "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug() + "/events/";
    HttpResponse<String> list = server.get(base, "Bearer " + token);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : JSON.readTree(list.body())) {
      HttpResponse<String> details = server.get(base + item.get("eventID").asText() + "/", "Bearer " + token);
      assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
      out.add(JSON.readTree(details.body()));
    }
    return out;
  }

  static JsonNode entry(JsonNode event, String type) {
    for (JsonNode e : event.get("entries")) {
      if (e.get("type").asText().equals(type)) {
        return e.get("data");
      }
    }
    throw new AssertionError("no " + type + " entry in " + event.get("entries"));
  }

  static String tag(JsonNode event, String key) {
    for (JsonNode t : event.get("tags")) {
      if (t.get("key").asText().equals(key)) {
        return t.get("value").asText();
      }
    }
    return null;
  }

  @Test
  void csp2Report_isStoredAsCspEventWithMetadataTitleEntryAndRequest() throws Exception {
    Project project = server.newProject();
    HttpResponse<String> response = post(project, "/csp-report/" + keyQuery(project)
        + "&sentry_release=web%401.4&sentry_environment=production", "application/csp-report", CSP2);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEmpty();

    JsonNode event = events(project).get(0);
    assertThat(event.get("type").asText()).isEqualTo("csp");
    assertThat(event.get("title").asText()).isEqualTo("Blocked 'script' from 'evil.com'");
    assertThat(event.get("message").asText()).isEqualTo("Blocked 'script' from 'evil.com'");
    assertThat(event.get("metadata").toString()).isEqualTo(
        "{\"directive\":\"script-src\",\"uri\":\"evil.com\",\"message\":\"Blocked 'script' from 'evil.com'\"}");
    assertThat(event.get("location").asText()).isEqualTo("evil.com");
    assertThat(event.get("culprit").asText()).isEqualTo("script-src 'self' 'self' cdn.example.com");
    assertThat(event.get("release").get("version").asText()).isEqualTo("web@1.4");
    assertThat(tag(event, "environment")).isEqualTo("production");
    assertThat(tag(event, "effective-directive")).isEqualTo("script-src");
    assertThat(tag(event, "blocked-uri")).isEqualTo("https://evil.com/steal.js?v=2");
    assertThat(tag(event, "blocked-host")).isEqualTo("evil.com");
    assertThat(tag(event, "browser")).as("from the delivering User-Agent").startsWith("Chrome 120");

    JsonNode csp = entry(event, "csp");
    assertThat(csp.get("document_uri").asText()).isEqualTo("https://shop.example.com/cart?x=1");
    assertThat(csp.get("blocked_uri").asText()).isEqualTo("https://evil.com/steal.js?v=2");
    assertThat(csp.get("effective_directive").asText()).isEqualTo("script-src");
    assertThat(csp.get("line_number").asInt()).isEqualTo(12);
    assertThat(csp.get("column_number").asInt()).isEqualTo(4);
    assertThat(csp.get("status_code").asInt()).isEqualTo(200);
    assertThat(csp.get("source_file").asText()).isEqualTo("https://shop.example.com/app.js");
    assertThat(csp.get("disposition").asText()).isEqualTo("enforce");
    assertThat(csp.has("script_sample")).as("empty values are dropped").isFalse();
    assertThat(csp.has("documentUri")).as("keys stay snake_case").isFalse();

    JsonNode request = entry(event, "request");
    assertThat(request.get("url").asText()).isEqualTo("https://shop.example.com/cart");
    assertThat(request.get("query").asText()).isEqualTo("x=1");
    assertThat(request.get("headers").toString()).contains("[\"Referer\",\"https://shop.example.com/\"]")
        .contains("[\"User-Agent\",\"" + UA + "\"]");
  }

  @Test
  void reportingApiBatch_storesOneEventPerViolation_identicalViolationsShareAnIssue() throws Exception {
    Project project = server.newProject();
    HttpResponse<String> response = post(project, "/security/" + keyQuery(project), "application/reports+json",
        REPORTING_API);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    List<JsonNode> events = events(project);
    assertThat(events).hasSize(2);
    for (JsonNode event : events) {
      assertThat(event.get("type").asText()).isEqualTo("csp");
      assertThat(event.get("title").asText()).isEqualTo("Blocked 'font' from 'fonts.evil.com'");
      assertThat(event.get("metadata").get("directive").asText()).isEqualTo("font-src");
      assertThat(event.get("metadata").get("uri").asText()).isEqualTo("fonts.evil.com");
      assertThat(entry(event, "csp").get("disposition").asText()).isEqualTo("report");
    }
    assertThat(events.get(0).get("groupID").asText()).isEqualTo(events.get(1).get("groupID").asText());
  }

  @Test
  void identicalCspReports_groupIntoOneIssue_otherDirectiveIntoAnother() throws Exception {
    Project project = server.newProject();
    for (int i = 0; i < 2; i++) {
      assertThat(post(project, "/security" + keyQuery(project), "application/csp-report", CSP2).statusCode())
          .isEqualTo(200);
    }
    String img = CSP2.replace("\"effective-directive\": \"script-src\"", "\"effective-directive\": \"img-src\"");
    assertThat(post(project, "/security/" + keyQuery(project), "application/csp-report", img).statusCode())
        .isEqualTo(200);

    List<JsonNode> events = events(project);
    assertThat(events).hasSize(3);
    assertThat(events.stream().map(e -> e.get("groupID").asText()).distinct()).hasSize(2);
    JsonNode script = events.stream().filter(e -> e.get("title").asText().contains("'script'")).findFirst().orElseThrow();
    assertThat(script.get("fingerprints").size()).isEqualTo(1);
  }

  @Test
  void expectCtReport_isStoredAsExpectctEventWithOriginMetadata() throws Exception {
    Project project = server.newProject();
    HttpResponse<String> response = post(project, "/security/" + keyQuery(project),
        "application/expect-ct-report+json", EXPECT_CT);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    JsonNode event = events(project).get(0);
    assertThat(event.get("type").asText()).isEqualTo("expectct");
    assertThat(event.get("title").asText()).isEqualTo("Expect-CT failed for 'www.example.com'");
    assertThat(event.get("metadata").toString())
        .isEqualTo("{\"origin\":\"www.example.com\",\"message\":\"Expect-CT failed for 'www.example.com'\"}");
    assertThat(event.get("location").asText()).isEqualTo("www.example.com");
    assertThat(event.get("culprit").asText()).isEqualTo("www.example.com");
    assertThat(tag(event, "hostname")).isEqualTo("www.example.com");
    assertThat(tag(event, "port")).isEqualTo("443");
    JsonNode data = entry(event, "expectct");
    assertThat(data.get("hostname").asText()).isEqualTo("www.example.com");
    assertThat(data.get("effective_expiration_date").asText()).isEqualTo("2024-05-01T12:40:50Z");
    assertThat(data.get("failure_mode").asText()).isEqualTo("enforce");
    assertThat(data.get("scts").get(0).get("serialized_sct").asText()).isEqualTo("ABCD==");
    assertThat(data.has("validated_certificate_chain")).as("empty list dropped").isFalse();
  }

  @Test
  void hpkpReport_isStoredAsHpkpEvent() throws Exception {
    Project project = server.newProject();
    HttpResponse<String> response = post(project, "/security/" + keyQuery(project), "application/json", HPKP);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    JsonNode event = events(project).get(0);
    assertThat(event.get("type").asText()).isEqualTo("hpkp");
    assertThat(event.get("title").asText()).isEqualTo("Public key pinning validation failed for 'www.example.com'");
    assertThat(event.get("metadata").get("origin").asText()).isEqualTo("www.example.com");
    assertThat(event.get("location").asText()).isEqualTo("www.example.com");
    assertThat(tag(event, "include-subdomains")).isEqualTo("false");
    JsonNode data = entry(event, "hpkp");
    assertThat(data.get("noted_hostname").asText()).isEqualTo("example.com");
    assertThat(data.get("known_pins").get(0).asText()).startsWith("pin-sha256=");
    assertThat(data.get("served_certificate_chain").get(0).asText()).isEqualTo("pem1");
  }

  @Test
  void errors_asIngest_401_403_400_415_andNothingStored() throws Exception {
    Project project = server.newProject();
    Project other = server.newProject();
    assertThat(post(project, "/security/", "application/csp-report", CSP2).statusCode()).isEqualTo(401);
    assertThat(post(project, "/security/" + keyQuery(other), "application/csp-report", CSP2).statusCode()).isEqualTo(403);
    assertThat(post(project, "/security/?sentry_key=" + "0".repeat(32), "application/csp-report", CSP2).statusCode())
        .isEqualTo(403);
    assertThat(post(project, "/security/" + keyQuery(project), "text/plain", CSP2).statusCode()).isEqualTo(415);
    assertThat(post(project, "/security/" + keyQuery(project), "application/csp-report", "").statusCode()).isEqualTo(400);
    HttpResponse<String> invalid = post(project, "/security/" + keyQuery(project), "application/csp-report",
        "{\"csp-report\": {\"effective-directive\": \"made-up-src\"}}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(invalid.body());
    assertThat(body.get("detail").asText()).isEqualTo("invalid security report");
    assertThat(invalid.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    assertThat(post(project, "/security/" + keyQuery(project), "application/json", "{nope").statusCode()).isEqualTo(400);
    assertThat(server.app().storage().events().countForProject(project.id())).isZero();
  }

  @Test
  void preflight_isAnsweredWithCorsHeaders() {
    Project project = server.newProject();
    for (String path : new String[] {"/security/", "/csp-report/"}) {
      HttpResponse<String> response = server.send(server.request("/api/" + project.id() + path)
          .header("Origin", "https://shop.example.com").header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", BodyPublishers.noBody()).build());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
      assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("content-type");
    }
  }
}

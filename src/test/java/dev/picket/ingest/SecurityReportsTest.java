package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Browser reports → event payloads, checked against the outputs of Relay's own tests. */
class SecurityReportsTest {
  static final SecurityReports.Delivery NONE = new SecurityReports.Delivery(null, null, null, null, null);

  static List<ObjectNode> events(String json, SecurityReports.Delivery d) {
    return SecurityReports.events(json.getBytes(StandardCharsets.UTF_8), d);
  }

  static ObjectNode event(String json) {
    List<ObjectNode> events = events(json, NONE);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void csp2_becomesCspInterfaceMessageCulpritTagsAndRequest() {
    ObjectNode e = event("""
        {"csp-report": {"document-uri": "http://example.com", "violated-directive": "style-src cdn.example.com",
         "blocked-uri": "http://example.com/lol.css", "effective-directive": "style-src", "status-code": "200"}}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Blocked 'style' from 'example.com'");
    assertThat(e.get("culprit").asText()).isEqualTo("style-src cdn.example.com");
    assertThat(e.get("tags").toString()).isEqualTo("{\"effective-directive\":\"style-src\","
        + "\"blocked-uri\":\"http://example.com/lol.css\",\"blocked-host\":\"example.com\"}");
    assertThat(e.get("request").toString()).isEqualTo("{\"url\":\"http://example.com\",\"headers\":[]}");
    assertThat(e.get("csp").toString()).isEqualTo("{\"effective_directive\":\"style-src\","
        + "\"blocked_uri\":\"http://example.com/lol.css\",\"document_uri\":\"http://example.com\","
        + "\"status_code\":200,\"violated_directive\":\"style-src cdn.example.com\"}");
  }

  @Test
  void csp_withoutBlockedUri_isSelfAndAnUnsafeScript() {
    ObjectNode e = event("""
        {"csp-report": {"document-uri": "http://example.com", "effective-directive": "script-src"}}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Blocked unsafe (eval() or inline) 'script'");
    assertThat(e.get("culprit").asText()).isEmpty();
    assertThat(e.at("/csp/blocked_uri").asText()).isEqualTo("self");
    assertThat(e.at("/csp/violated_directive").asText()).isEmpty();
  }

  @Test
  void csp_withoutEffectiveDirective_usesTheViolatedOneAndTheReferrer() {
    ObjectNode e = event("""
        {"csp-report": {"document-uri": "https://example.com/foo/bar", "referrer": "https://www.google.com/",
         "violated-directive": "default-src self", "original-policy": "default-src self; report-uri /csp-hotline.php",
         "blocked-uri": "http://evilhackerscripts.com"}}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Blocked 'default-src' from 'evilhackerscripts.com'");
    assertThat(e.get("culprit").asText()).isEqualTo("default-src self");
    assertThat(e.at("/csp/effective_directive").asText()).isEqualTo("default-src");
    assertThat(e.at("/request/headers").toString()).isEqualTo("[[\"Referer\",\"https://www.google.com/\"]]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "style-src http://cdn.example.com | http://example.com/foo | style-src http://cdn.example.com",
      "style-src http://example.com | http://example.com/foo | style-src 'self'",
      "style-src example.com | http://example.com/foo | style-src 'self'",
      "style-src cdn.example.com | ftp://example.com/foo | style-src ftp://cdn.example.com",
      "script-src 'self' 'unsafe-inline' | https://example.com | script-src 'self' 'unsafe-inline'"})
  void culprit_normalizesSourcesAgainstTheDocument(String violated, String document, String culprit) {
    assertThat(CspReports.culprit(violated, document)).isEqualTo(culprit);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"\"\" | 'self'", "self | 'self'", "data | data:", "http | http://",
      "http://notlocalhost/ | notlocalhost", "https://notlocalhost:8000/lol.css | notlocalhost:8000",
      "data://notlocalhost/ | data://notlocalhost", "blob:https://x.com/1 | blob:"})
  void normalizeUri_asRelay(String value, String normalized) {
    assertThat(CspReports.normalizeUri(value)).isEqualTo(normalized);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "script-src | inline | Blocked unsafe inline 'script'",
      "script-src | eval | Blocked unsafe eval() 'script'",
      "img-src | data | Blocked 'image' from 'data:'",
      "img-src | self | Blocked inline 'image'",
      "form-action | https://x.org/a | Blocked 'form' action to 'x.org'",
      "frame-src | https://x.org/a | Blocked 'frame-src' from 'x.org'",
      "style-src-elem | '' | Blocked 'style' or 'link' element"})
  void message_perDirective(String directive, String blocked, String message) {
    assertThat(CspReports.message(directive, blocked)).isEqualTo(message);
  }

  @Test
  void reportingApiBatch_givesOneEventPerCspViolation_andSkipsOtherTypes() {
    List<ObjectNode> events = events("""
        [{"type": "csp-violation", "age": 10, "url": "https://example.com/", "user_agent": "UA",
          "body": {"documentURL": "https://example.com/", "blockedURL": "https://evil.com/x.js",
                   "effectiveDirective": "script-src-elem", "originalPolicy": "script-src 'self'",
                   "disposition": "enforce", "statusCode": 200, "lineNumber": 3, "columnNumber": 7,
                   "sourceFile": "https://example.com/app.js", "sample": ""}},
         {"type": "deprecation", "body": {"id": "x"}},
         {"type": "csp-violation", "body": {"documentURL": "https://example.com/", "blockedURL": "inline",
                   "effectiveDirective": "style-src-attr"}}]""", NONE);
    assertThat(events).hasSize(2);
    ObjectNode first = events.get(0);
    assertThat(first.at("/logentry/formatted").asText()).isEqualTo("Blocked 'script' from 'evil.com'");
    assertThat(first.get("csp").toString()).isEqualTo("{\"effective_directive\":\"script-src-elem\","
        + "\"blocked_uri\":\"https://evil.com/x.js\",\"document_uri\":\"https://example.com/\","
        + "\"original_policy\":\"script-src 'self'\",\"status_code\":200,\"violated_directive\":\"\","
        + "\"source_file\":\"https://example.com/app.js\",\"line_number\":3,\"column_number\":7,"
        + "\"script_sample\":\"\",\"disposition\":\"enforce\"}");
    assertThat(events.get(1).at("/logentry/formatted").asText()).isEqualTo("Blocked style attribute from 'inline:'");
  }

  @Test
  void expectCt_hostnameIsCulpritTagAndRequestUrl_keysSnakeCase() {
    ObjectNode e = event("""
        {"expect-ct-report": {"date-time": "2014-04-06T13:00:50Z", "hostname": "www.example.com", "port": 443,
         "effective-expiration-date": "2014-05-01T12:40:50Z", "served-certificate-chain": ["pem"],
         "scts": [{"version": 1, "status": "invalid", "source": "embedded", "serialized-sct": "ABC"}],
         "failure-mode": "enforce"}}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Expect-CT failed for 'www.example.com'");
    assertThat(e.get("culprit").asText()).isEqualTo("www.example.com");
    assertThat(e.get("tags").toString()).isEqualTo("{\"hostname\":\"www.example.com\",\"port\":\"443\"}");
    assertThat(e.at("/request/url").asText()).isEqualTo("www.example.com");
    assertThat(e.at("/expectct/effective_expiration_date").asText()).isEqualTo("2014-05-01T12:40:50Z");
    assertThat(e.at("/expectct/scts/0/serialized_sct").asText()).isEqualTo("ABC");
    assertThat(e.at("/expectct/failure_mode").asText()).isEqualTo("enforce");
  }

  @Test
  void hpkp_isRecognizedByKnownPins_andHasNoCulprit() {
    ObjectNode e = event("""
        {"date-time": "2014-04-06T13:00:50Z", "hostname": "www.example.com", "port": 443,
         "include-subdomains": false, "noted-hostname": "example.com", "known-pins": ["pin-sha256=\\"E9CZ\\""]}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Public key pinning validation failed for 'www.example.com'");
    assertThat(e.has("culprit")).isFalse();
    assertThat(e.get("tags").toString())
        .isEqualTo("{\"hostname\":\"www.example.com\",\"port\":\"443\",\"include-subdomains\":\"false\"}");
    assertThat(e.at("/hpkp/known_pins/0").asText()).isEqualTo("pin-sha256=\"E9CZ\"");
    assertThat(e.at("/hpkp/noted_hostname").asText()).isEqualTo("example.com");
  }

  @Test
  void expectStaple_tagsItsStatuses() {
    ObjectNode e = event("""
        {"expect-staple-report": {"hostname": "www.example.com", "port": 443, "response-status": "ERROR_RESPONSE",
         "cert-status": "REVOKED"}}""");
    assertThat(e.at("/logentry/formatted").asText()).isEqualTo("Expect-Staple failed for 'www.example.com'");
    assertThat(e.get("tags").toString()).isEqualTo("{\"hostname\":\"www.example.com\",\"port\":\"443\","
        + "\"response_status\":\"ERROR_RESPONSE\",\"cert_status\":\"REVOKED\"}");
    assertThat(e.at("/expectstaple/cert_status").asText()).isEqualTo("REVOKED");
  }

  @Test
  void delivery_addsUserAgentOriginReleaseAndEnvironment_refererOnlyWithoutReportReferrer() {
    SecurityReports.Delivery d = new SecurityReports.Delivery("Mozilla/5.0", "https://page/", "https://page", "1.2", "prod");
    ObjectNode e = events("""
        {"csp-report": {"document-uri": "https://page/", "effective-directive": "img-src", "blocked-uri": "data"}}""", d).get(0);
    assertThat(e.at("/request/headers").toString()).isEqualTo(
        "[[\"Referer\",\"https://page/\"],[\"User-Agent\",\"Mozilla/5.0\"],[\"Origin\",\"https://page\"]]");
    assertThat(e.get("release").asText()).isEqualTo("1.2");
    assertThat(e.get("environment").asText()).isEqualTo("prod");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"csp-report\": {\"effective-directive\": \"nonsense\"}}",
      "{\"csp-report\": \"text\"}",
      "{\"csp-report\": {\"effective-directive\": \"img-src\", \"line-number\": \"x\"}}",
      "{\"csp-report\": {\"effective-directive\": \"img-src\", \"blocked-uri\": 5}}",
      "{\"expect-ct-report\": {\"port\": 443}}",
      "{\"type\": \"deprecation\", \"body\": {}}",
      "[{\"type\": \"deprecation\", \"body\": {}}]",
      "{\"message\": \"not a report\"}",
      "42"})
  void invalidReports_areRejectedWith400(String json) {
    assertThatThrownBy(() -> events(json, NONE)).isInstanceOfSatisfying(Rejection.class, r -> {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.detail()).isEqualTo("invalid security report");
      assertThat(r.causes()).hasSize(1);
    });
  }

  @ParameterizedTest
  @CsvSource({"application/csp-report", "application/json; charset=utf-8", "application/reports+json",
      "application/expect-ct-report+json", "Application/Expect-Staple-Report"})
  void contentTypes_accepted(String type) {
    assertThat(SecurityReports.acceptsContentType(type)).isTrue();
  }

  @Test
  void contentTypes_otherwiseRefused() {
    assertThat(SecurityReports.acceptsContentType(null)).isFalse();
    assertThat(SecurityReports.acceptsContentType("text/plain")).isFalse();
  }
}

package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestUserTest {
  private static ObjectNode request(String json) {
    return (ObjectNode) TestFixtures.normalize("{'request': " + json + "}").get("request");
  }

  @Test
  void request_splitQueryAndFragmentOffUrl() {
    ObjectNode r = request("{'url': 'http://x.io/p?a=1&b=#frag', 'method': 'post'}");
    assertThat(r.get("url").asText()).isEqualTo("http://x.io/p");
    assertThat(r.get("query_string").asText()).isEqualTo("a=1&b=");
    assertThat(r.get("fragment").asText()).isEqualTo("frag");
    assertThat(r.get("method").asText()).isEqualTo("POST");
  }

  @Test
  void request_reencodeQueryGivenAsDictOrPairs() {
    assertThat(request("{'query_string': {'a': '1', 'b': 'x y'}}").get("query_string").asText())
        .isEqualTo("a=1&b=x+y");
    assertThat(request("{'query_string': [['a', '1']]}").get("query_string").asText()).isEqualTo("a=1");
    assertThat(request("{'query_string': '?a=1'}").get("query_string").asText()).isEqualTo("a=1");
  }

  @Test
  void request_titleCaseHeadersJoinListsAndMoveCookie() {
    ObjectNode r = request("{'headers': [['content-type', 'text/plain'], ['x-multi', ['a', 'b']],"
        + " ['cookie', 'a=1; b=2']]}");
    assertThat(r.get("headers")).isEqualTo(TestFixtures.json(
        "[['Content-Type','text/plain'],['X-Multi','a, b']]"));
    assertThat(r.get("cookies")).isEqualTo(TestFixtures.json("[['a','1'],['b','2']]"));
  }

  @Test
  void request_decodeFormBodyIntoLists() {
    ObjectNode r = request("{'data': 'a=1&a=2&b=x%20y'}");
    assertThat(r.get("data")).isEqualTo(TestFixtures.json("{'a':['1','2'],'b':['x y']}"));
    assertThat(r.get("inferred_content_type").asText()).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void request_keepUndecodableBodyAsString() {
    ObjectNode r = request("{'data': 'just text', 'headers': {'Content-Type': 'text/plain; charset=utf-8'}}");
    assertThat(r.get("data").asText()).isEqualTo("just text");
    assertThat(r.get("inferred_content_type").asText()).isEqualTo("text/plain");
  }

  @Test
  void request_cookiesDictBecomeSortedPairs() {
    assertThat(request("{'cookies': {'z': '1', 'a': 2}}").get("cookies"))
        .isEqualTo(TestFixtures.json("[['a','2'],['z','1']]"));
  }

  @Test
  void user_stringifyIdAndMoveUnknownKeysToData() {
    ObjectNode e = TestFixtures.normalize("{'user': {'id': 42, 'username': 'jane', 'plan': 'pro', 'data': {'a': 1}}}");
    assertThat(e.get("user")).isEqualTo(TestFixtures.json(
        "{'id':'42','username':'jane','data':{'a':1,'plan':'pro'}}"));
  }

  @Test
  void user_resolveAutoIpToClientIp_sentryCli() {
    IngestContext ctx = new IngestContext(Instant.parse("2026-11-28T19:00:00Z"), "10.1.2.3", null, null, null);
    ObjectNode e = TestFixtures.NORMALIZER.normalize(
        TestFixtures.json("{'user': {'id': '1', 'ip_address': '{{auto}}'}}"), ctx);
    assertThat(e.at("/user/ip_address").asText()).isEqualTo("10.1.2.3");
  }

  @Test
  void user_fillClientIpForBrowserPlatforms_ravenJs() {
    IngestContext ctx = new IngestContext(Instant.parse("2026-11-28T19:00:00Z"), "10.1.2.3", null, null, null);
    assertThat(TestFixtures.NORMALIZER.normalize(TestFixtures.json("{'platform': 'javascript'}"), ctx)
        .at("/user/ip_address").asText()).isEqualTo("10.1.2.3");
    assertThat(TestFixtures.NORMALIZER.normalize(TestFixtures.json("{'platform': 'python'}"), ctx)
        .has("user")).isFalse();
  }

  @Test
  void user_copyRemoteAddrFromRequestEnv() {
    ObjectNode e = TestFixtures.normalize("{'request': {'env': {'REMOTE_ADDR': '192.168.0.1'}}}");
    assertThat(e.at("/user/ip_address").asText()).isEqualTo("192.168.0.1");
  }

  @Test
  void user_recordInvalidIp() {
    ObjectNode e = TestFixtures.normalize("{'user': {'id': '1', 'ip_address': 'not-an-ip'}}");
    assertThat(e.at("/user/ip_address").isMissingNode()).isTrue();
    assertThat(e.at("/errors/0/reason").asText()).isEqualTo("expected an ip address");
  }
}

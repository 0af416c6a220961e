package dev.picket.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagsContextsTest {
  @Test
  void tags_acceptDictAndPairsFirstWinsReservedDropped() {
    ObjectNode e = TestFixtures.normalize("{'tags': [['a', ' 1 '], ['a', '2'], ['release', 'x'], ['b', 3]]}");
    assertThat(e.get("tags")).isEqualTo(TestFixtures.json("[['a','1'],['b','3'],['level','error']]"));
  }

  @Test
  void tags_recordEmptyAndTooLongParts() {
    ObjectNode e = TestFixtures.normalize("{'tags': {'a': '', 'b': '" + "x".repeat(201) + "'}}");
    assertThat(e.get("tags")).isEqualTo(TestFixtures.json("[['level','error']]"));
    assertThat(e.at("/errors/0/name").asText()).isEqualTo("tags.0.1");
    assertThat(e.at("/errors/1/type").asText()).isEqualTo("value_too_long");
  }

  @Test
  void tags_manyDistinctKeysAreDeduplicatedInLinearTime() {
    // 40,000 tags fit in a 1 MiB event; a linear scan per tag made this take over 30 s.
    ObjectNode in = TestFixtures.json("{}").deepCopy();
    ObjectNode tags = in.putObject("tags");
    for (int i = 0; i < 40_000; i++) {
      tags.put("t" + i, "v");
    }
    ObjectNode e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> new Normalizer().normalize(in, IngestContext.at(Instant.now())));
    assertThat(e.get("tags").size()).isEqualTo(40_001);
  }

  @Test
  void tags_moveEnvironmentTagToFieldWhenUnset() {
    ObjectNode e = TestFixtures.normalize("{'tags': {'environment': 'prod'}}");
    assertThat(e.get("environment").asText()).isEqualTo("prod");
    assertThat(SdkPayloadsTest.tag(e, "environment")).isEqualTo("prod");
  }

  @Test
  void tags_deriveServerTagsReplacingClientOnes() {
    ObjectNode e = TestFixtures.normalize("{'level': 'warning', 'tags': {'level': 'x'}, 'logger': 'app',"
        + " 'server_name': 'h', 'transaction': '/t', 'release': 'r1', 'dist': 'd',"
        + " 'user': {'email': 'e@x', 'username': 'u'}, 'request': {'url': 'http://x/y'}}");
    assertThat(e.get("tags")).isEqualTo(TestFixtures.json("[['level','warning'],['server_name','h'],"
        + "['logger','app'],['transaction','/t'],['sentry:release','r1'],['sentry:dist','d'],"
        + "['sentry:user','email:e@x'],['url','http://x/y']]"));
    assertThat(e.has("server_name")).isFalse();
  }

  @Test
  void tags_contextAndMechanismTags() {
    ObjectNode e = TestFixtures.normalize("{'contexts': {'os': {'name': 'Linux', 'version': '6', 'rooted': false},"
        + " 'device': {'model': 'Pixel', 'family': 'Google'}, 'runtime': {'name': 'node', 'version': 'v20'}},"
        + " 'exception': [{'type': 'E', 'mechanism': {'type': 'onerror', 'handled': false}}]}");
    JsonNode tags = e.get("tags");
    assertThat(tags).contains(TestFixtures.json("['os','Linux 6']"), TestFixtures.json("['os.name','Linux']"),
        TestFixtures.json("['os.rooted','no']"), TestFixtures.json("['device','Pixel']"),
        TestFixtures.json("['device.family','Google']"), TestFixtures.json("['runtime','node v20']"),
        TestFixtures.json("['mechanism','onerror']"), TestFixtures.json("['handled','no']"));
  }

  @Test
  void contexts_addTypeAndDropEmptyValues() {
    ObjectNode e = TestFixtures.normalize("{'contexts': {'runtime': {'name': 'CPython', 'build': ''},"
        + " 'myctx': {'foo': 1, 'bar': null}, 'trace': {'type': 'trace', 'trace_id': 'abc'},"
        + " 'cloud_resource': {}, 'x': {'type': 'os', 'name': 'Linux'}}}");
    assertThat(e.get("contexts")).isEqualTo(TestFixtures.json("{'runtime':{'name':'CPython','type':'runtime'},"
        + "'myctx':{'foo':1,'type':'default'},'trace':{'trace_id':'abc','type':'trace'},"
        + "'x':{'name':'Linux','type':'os'}}"));
  }

  @Test
  void userAgent_givesSentry9TagsButNoContexts() {
    ObjectNode e = TestFixtures.normalize("{'platform': 'python', 'request': {'headers': {'User-Agent':"
        + " 'Mozilla/5.0 (Windows NT 6.2; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/28.0.1500.72 Safari/537.36'}}}");
    assertThat(e.has("contexts")).isFalse();
    assertThat(SdkPayloadsTest.tag(e, "browser")).isEqualTo("Chrome 28.0");
    assertThat(SdkPayloadsTest.tag(e, "os")).isEqualTo("Windows 8");
    assertThat(SdkPayloadsTest.tag(e, "device")).isEqualTo("Other");
  }

  @Test
  void sdk_isNotInventedFromSentryClient_asSentry9_ravenJs() {
    IngestContext ctx = new IngestContext(Instant.parse("2026-11-28T19:00:00Z"), null, "raven-js/3.22.1", null, null);
    ObjectNode e = TestFixtures.NORMALIZER.normalize(TestFixtures.json("{}"), ctx);
    assertThat(e.has("sdk")).isFalse();
  }
}

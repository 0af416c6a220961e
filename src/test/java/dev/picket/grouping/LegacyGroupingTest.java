package dev.picket.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.normalize.TestFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyGroupingTest {
  private static final Grouper GROUPER = new Grouper();

  private static List<String> hashes(String json) {
    return GROUPER.group(TestFixtures.normalize(json), GroupingConfigs.DEFAULT).hashes();
  }

  private static String md5(String... values) {
    return Hashes.md5(List.of(values));
  }

  @Test
  void configs_knowLegacyAndRejectUnknown() {
    assertThat(GroupingConfigs.isKnown("legacy:2019-03-12")).isTrue();
    assertThat(GroupingConfigs.isKnown("newstyle:2019-10-29")).isFalse();
    assertThatThrownBy(() -> GROUPER.group(TestFixtures.normalize("{}"), "nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void empty_hashesNothing() {
    assertThat(hashes("{}")).containsExactly("d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void message_groupsByTemplateNotFormatted() {
    assertThat(hashes("{'logentry': {'message': 'x %s', 'params': ['1']}}")).containsExactly(md5("x %s"));
  }

  @Test
  void exception_withoutFrames_typeThenValue() {
    assertThat(hashes("{'exception': [{'type': 'ValueError', 'value': 'hello world'}]}"))
        .containsExactly(md5("ValueError", "hello world"));
  }

  @Test
  void exception_frames_moduleContextLineThenType_valueIgnored() {
    assertThat(hashes("{'exception': [{'type': 'E', 'value': 'v', 'stacktrace': {'frames': ["
        + "{'module': 'a', 'function': 'f', 'context_line': 'x = 1'},"
        + "{'filename': 'b.py', 'function': 'g', 'lineno': 3}]}}]}"))
        .containsExactly(md5("a", "x = 1", "b.py", "g", "E"));
  }

  @Test
  void exception_appVariantAfterSystem_whenInAppFramesDiffer() {
    List<String> h = hashes("{'exception': [{'type': 'E', 'stacktrace': {'frames': ["
        + "{'module': 'lib', 'function': 'f', 'in_app': false},"
        + "{'module': 'app', 'function': 'g', 'in_app': true}]}}]}");
    assertThat(h).containsExactly(md5("lib", "f", "app", "g", "E"), md5("app", "g", "E"));
  }

  @Test
  void exception_syntheticIsIgnored_groupsByMessage_nodeSdk() {
    assertThat(hashes("{'message': 'hi', 'exception': [{'value': 'hi', 'mechanism': {'synthetic': true},"
        + "'stacktrace': {'frames': [{'module': 'm', 'function': 'main'}]}}]}"))
        .containsExactly(md5("hi"));
  }

  @Test
  void stacktrace_skipsRecursionAndLongContextLines() {
    assertThat(hashes("{'stacktrace': {'frames': ["
        + "{'module': 'm', 'function': 'f', 'lineno': 1},"
        + "{'module': 'm', 'function': 'f', 'lineno': 1},"
        + "{'module': 'm', 'function': 'g', 'context_line': '" + "y".repeat(121) + "'}]}}"))
        .containsExactly(md5("m", "f", "m", "g"));
  }

  @Test
  void stacktrace_frameWithoutModuleOrFilenameContributesNothing_soMessageWins() {
    assertThat(hashes("{'message': 'm', 'stacktrace': {'frames': [{'function': 'f'}]}}"))
        .containsExactly(md5("m"));
  }

  @Test
  void stacktrace_singleUrlFrameWithoutFunctionHasNoHash() {
    assertThat(hashes("{'message': 'm', 'stacktrace': {'frames': [{'abs_path': 'https://x.io/a.js', 'lineno': 1}]}}"))
        .containsExactly(md5("m"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "com.foo.Bar$$EnhancerByCGLIB$$1a2b3c, com.foo.Bar$$EnhancerByCGLIB$$<auto>",
    "com.foo.Bar$$FastClassByCGLIB$$abc, com.foo.Bar$$FastClassByCGLIB$$<auto>",
    "com.foo.Bar_$$_javassist_42, com.foo.Bar_$$_javassist_<auto>",
    "sun.reflect.GeneratedMethodAccessor12, sun.reflect.GeneratedMethodAccessor",
    "my.ns$fn__1234, my.ns$fn__<auto>",
  })
  void frame_normalizesGeneratedJavaModules(String module, String expected) {
    assertThat(LegacyFrames.module(module)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "static/1.2.3/app.js, static/<version>/app.js",
    "v12/app.js, <version>/app.js",
    "build/deadbeef/app.js, build/<version>/app.js",
    "plain/app.js, plain/app.js",
  })
  void frame_normalizesVersionedFilenames(String filename, String expected) {
    assertThat(LegacyFrames.filename(filename)).isEqualTo(expected);
  }

  @Test
  void frame_normalizesAnonymousFunctions() {
    assertThat(LegacyFrames.function("lambda$main$0", "java")).isEqualTo("<function>");
    assertThat(LegacyFrames.function("[Anonymous function]", "javascript")).isEqualTo("<function>");
    assertThat(LegacyFrames.function("block_in_foo_123", "ruby")).isEqualTo("block_in_foo_<anon>");
  }

  @Test
  void threads_useTheOnlyThreadWithFrames_javaSdk() {
    assertThat(hashes("{'message': 'm', 'threads': {'values': [{'id': 1, 'crashed': true,"
        + "'stacktrace': {'frames': [{'module': 'SendEvents', 'function': 'main'}]}}]}}"))
        .containsExactly(md5("SendEvents", "main"));
  }

  @Test
  void template_filenameAndContextLine() {
    assertThat(hashes("{'template': {'filename': 'a.html', 'context_line': 'x'}}"))
        .containsExactly(md5("a.html", "x"));
  }

  @Test
  void fingerprint_customHashesEntriesOnly() {
    assertThat(hashes("{'message': 'x', 'fingerprint': ['celery', 'SoftTimeLimitExceeded', 'sentry.tasks.store.process_event']}"))
        .containsExactly("f30afa00b85f5cac5ee0bce01b31f08d");
  }

  @Test
  void fingerprint_defaultIsLikeAbsent() {
    assertThat(hashes("{'message': 'x', 'fingerprint': ['{{default}}']}")).containsExactly(md5("x"));
  }

  @Test
  void fingerprint_hybridSplicesDefaultValues() {
    assertThat(hashes("{'exception': [{'type': 'FailedToFetchError', 'value': 'v'}],"
        + " 'fingerprint': ['{{  default }}', 'dogs are great']}"))
        .containsExactly(md5("FailedToFetchError", "v", "dogs are great"));
  }

  @Test
  void checksum_hexUsedVerbatim_otherHashed_andWinsOverFingerprint() {
    assertThat(hashes("{'checksum': 'c4a4d06bc314205bb3b6bdb612dde7f1', 'fingerprint': ['a']}"))
        .containsExactly("c4a4d06bc314205bb3b6bdb612dde7f1");
    assertThat(hashes("{'checksum': 'abc'}")).containsExactly(md5("abc"));
  }

  @Test
  void result_isImmutableAndNeverEmpty() {
    ObjectNode e = TestFixtures.normalize("{}");
    GroupingResult r = GROUPER.group(e, GroupingConfigs.DEFAULT);
    assertThat(r.configId()).isEqualTo("legacy:2019-03-12");
    assertThatThrownBy(() -> new GroupingResult("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void csp_groupsByDirectiveAndNormalizedBlockedUri_notByMessage() {
    assertThat(hashes("{'logentry': {'formatted': 'Blocked'}, 'csp': {'effective_directive': 'img-src',"
        + " 'blocked_uri': 'https://cdn.example.com/a.png?x=1'}}")).containsExactly(md5("img-src", "cdn.example.com"));
    assertThat(hashes("{'csp': {'effective_directive': 'img-src', 'blocked_uri': 'data'}}"))
        .containsExactly(md5("img-src", "data:"));
  }

  @Test
  void csp_localScriptViolation_groupsByTheViolationType() {
    assertThat(hashes("{'csp': {'effective_directive': 'script-src', 'blocked_uri': 'self',"
        + " 'violated_directive': 'script-src \\u0027self\\u0027 \\u0027unsafe-inline\\u0027'}}"))
        .containsExactly(md5("script-src", "'unsafe-inline'"));
  }

  @ParameterizedTest
  @CsvSource({"hpkp, hpkp", "expectct, expect-ct", "expectstaple, expect-staple"})
  void hostReports_groupBySaltAndHostname(String key, String salt) {
    assertThat(hashes("{'logentry': {'formatted': 'x'}, '" + key + "': {'hostname': 'www.example.com'}}"))
        .containsExactly(md5(salt, "www.example.com"));
  }
}

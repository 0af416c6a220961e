package dev.picket.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.normalize.IngestContext;
import dev.picket.normalize.TestFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples A–H of ingest-protocol.md §6.12, each with its variant and values. */
class NewstyleWorkedExamplesTest {
  private static final Grouper GROUPER = new Grouper();
  private static final String NEWSTYLE = GroupingConfigs.NEWSTYLE_2023_01_11;

  private static List<GroupingVariant> variants(String json) {
    ObjectNode event = TestFixtures.NORMALIZER.normalize(TestFixtures.json(json),
        IngestContext.at(Instant.now()).withCurrentFrames());
    return GROUPER.variants(event, NEWSTYLE);
  }

  private static GroupingVariant primary(List<GroupingVariant> variants) {
    return variants.stream().filter(GroupingVariant::contributes)
        .filter(v -> !v.name().equals("system")).findFirst()
        .orElseGet(() -> variants.stream().filter(GroupingVariant::contributes).findFirst().orElseThrow());
  }

  @Test
  void exampleA_exceptionWithoutFrames_appTypeThenValue() {
    GroupingVariant v = primary(variants("{'exception': {'values': [{'type': 'ValueError', 'value': 'hello world'}]}}"));
    assertThat(v.name()).isEqualTo("app");
    assertThat(v.values()).containsExactly("ValueError", "hello world");
    assertThat(v.hash()).isEqualTo("b23ee1963904c2ca87b145febf94b66c");
  }

  @Test
  void exampleB_exceptionTypeOnly() {
    GroupingVariant v = primary(variants("{'exception': {'values': [{'type': 'ValueError'}]}}"));
    assertThat(v.values()).containsExactly("ValueError");
    assertThat(v.hash()).isEqualTo("5a2cfd89b7b171fd7b4794b08023d04f");
  }

  @Test
  void exampleC_oneInAppFrame_stacktraceBeforeType_valueIgnored_appEqualToSystemDropped() {
    List<GroupingVariant> all = variants("{'exception': {'values': [{'type': 'ValueError', "
        + "'value': 'hello world', 'stacktrace': {'frames': [{'filename': 'foo/baz.py', 'in_app': true}]}}]}}");
    assertThat(Grouper.hashes(all)).containsExactly("9509e122c6175606d52862fa4f64853c");
    GroupingVariant app = all.stream().filter(v -> v.name().equals("app")).findFirst().orElseThrow();
    assertThat(app.contributes()).isFalse();
    assertThat(app.component().children().get(0).hint())
        .isEqualTo("ignored because hash matches system variant");
    assertThat(primary(all).values()).containsExactly("baz.py", "ValueError");
  }

  @Test
  void exampleD_stacktraceRuleTowardsCrash_systemOnly() {
    JsonNode raw = TestFixtures.read("grouping/inputs/python-grouping-enhancer-towards-crash.json");
    ObjectNode event = TestFixtures.NORMALIZER.normalize(raw, IngestContext.at(Instant.now()).withCurrentFrames());
    List<GroupingVariant> all = GROUPER.variants(event, NEWSTYLE,
        raw.path("_grouping").path("enhancements").asText());
    assertThat(Grouper.hashes(all)).containsExactly("90888e813b09fa25061af2883c0fb9bd");
    assertThat(primary(all).name()).isEqualTo("system");
    assertThat(primary(all).values()).startsWith("django.core.handlers.base", "get_response")
        .endsWith("MultiValueDictKeyError");
  }

  @Test
  void exampleE_messageParameterized() {
    GroupingVariant v = primary(variants("{'logentry': {'formatted': 'testing testing 1, 2, 3'}}"));
    assertThat(v.name()).isEqualTo("default");
    assertThat(v.values()).containsExactly("testing testing <int>, <int>, <int>");
    assertThat(v.hash()).isEqualTo("f9e47f16e3b9770b440157179c47bf7a");
  }

  @Test
  void exampleF_customFingerprint() {
    List<GroupingVariant> all = variants("{'fingerprint': ['celery', 'SoftTimeLimitExceeded', "
        + "'sentry.tasks.store.process_event'], 'logentry': {'formatted': 'x'}}");
    assertThat(Grouper.hashes(all)).containsExactly("f30afa00b85f5cac5ee0bce01b31f08d");
    assertThat(primary(all).name()).isEqualTo("custom-fingerprint");
  }

  @Test
  void exampleG_hybridFingerprint_saltsTheAppVariant() {
    ObjectNode raw = (ObjectNode) TestFixtures.json("{'fingerprint': ['{{ default }}', "
        + "'dogs are great'], 'exception': {'values': [{'type': 'FailedToFetchError'}]}}");
    ((ObjectNode) raw.path("exception").path("values").get(0))
        .put("value", "FailedToFetchError: Charlie didn't bring the ball back!");
    ObjectNode event = TestFixtures.NORMALIZER.normalize(raw, IngestContext.at(Instant.now()).withCurrentFrames());
    GroupingVariant v = primary(GROUPER.variants(event, NEWSTYLE));
    assertThat(v.name()).isEqualTo("app");
    assertThat(v.type()).isEqualTo("salted-component");
    assertThat(v.hash()).isEqualTo("e3d593b4335190212ca7c18b8e967fb1");
  }

  @Test
  void exampleH_emptyEvent_fallback() {
    List<GroupingVariant> all = variants("{}");
    assertThat(all).extracting(GroupingVariant::name).containsExactly("fallback");
    assertThat(Grouper.hashes(all)).containsExactly("d41d8cd98f00b204e9800998ecf8427e");
  }
}

package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SentryAuthParserTest {
  private static final String KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

  private static SentryAuth header(String value) {
    return SentryAuthParser.parseHeader(value).orElseThrow();
  }

  private static void assertRejected(int status, String detail, ThrowingCallable call) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(call).satisfies(e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.detail()).isEqualTo(detail);
    });
  }

  /** Real X-Sentry-Auth values, one per SDK that sends the header. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "java-sdk, 1, 7, sentry.java/8.63.0",
      "python-sdk, 1, 7, sentry.python/1.9.10",
      "ruby-sdk, 1, 7, sentry-ruby/5.3.0",
      "ruby-raven, 1, 5, raven-ruby/3.1.2",
      "go-sdk, 1, 7, sentry.go/0.11.0",
      "sentry-cli, 18, 7, sentry-cli/x86_64"})
  void parseHeader_readsCapturedSdkHeaders(String client, int seq, int version, String sdk) {
    SentryAuth auth = header(Fixtures.header(Fixtures.meta(client, seq), "X-Sentry-Auth"));

    assertThat(auth).isEqualTo(new SentryAuth(KEY, version, sdk, null));
  }

  @Test
  void parseHeader_javaSendsNoSpacesAfterCommas() {
    SentryAuth auth = header("Sentry sentry_version=7,sentry_client=sentry.java/8.63.0,sentry_key="
        + KEY);

    assertThat(auth).isEqualTo(new SentryAuth(KEY, 7, "sentry.java/8.63.0", null));
  }

  @Test
  void parseHeader_rubyIntegerAndCliFloatSentryTimestampIgnored() {
    assertThat(header("Sentry sentry_version=7, sentry_client=sentry-ruby/5.3.0, "
        + "sentry_timestamp=1795891692, sentry_key=" + KEY).publicKey()).isEqualTo(KEY);
    assertThat(header("Sentry sentry_key=" + KEY + ", sentry_version=7, "
        + "sentry_timestamp=1795891692.1234, sentry_client=sentry-cli/x86_64").version())
        .isEqualTo(7);
  }

  @Test
  void parseHeader_ravenVersion5WithSecret() {
    SentryAuth auth = header("Sentry sentry_version=5, sentry_client=raven-ruby/3.1.2, "
        + "sentry_timestamp=1795891692, sentry_key=" + KEY + ", sentry_secret=s3cr3t");

    assertThat(auth).isEqualTo(new SentryAuth(KEY, 5, "raven-ruby/3.1.2", "s3cr3t"));
    assertThat(auth.toString()).doesNotContain("s3cr3t");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sentry sentry_key=k                         | k | 7",
      "SENTRY sentry_key=k, sentry_version=6       | k | 6",
      "Sentry sentry_key=k,sentry_version=7.0      | k | 7",
      "Sentry sentry_key=k=extra, sentry_version=7 | k | 7",
      "Sentry garbage, sentry_key=k, other=1       | k | 7",
      "'  Sentry  sentry_key = k , sentry_version = 7 ' | k | 7"})
  void parseHeader_isLenientLikeSentryTypes(String value, String key, int version) {
    SentryAuth auth = header(value);

    assertThat(auth.publicKey()).isEqualTo(key);
    assertThat(auth.version()).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Sentry", "Sentry sentry_version=7", "Sentry sentry_key=",
      "Sentry sentry_key=k, sentry_version=abc", "Sentry sentry_key=k, sentry_version=",
      "Sentry sentry_key=k, sentry_version=-1", "Bearer abc", "sentry_key=k",
      "Sentry sentry_key=k, sentry_version=99999999999"})
  void parseHeader_rejectsMalformedHeaderWith401(String value) {
    assertRejected(401, "bad x-sentry-auth header", () -> SentryAuthParser.parseHeader(value));
  }

  @Test
  void parseHeader_rejectsVersionAbove7With400() {
    assertRejected(400, "unsupported protocol version (8)",
        () -> SentryAuthParser.parseHeader("Sentry sentry_key=k, sentry_version=8"));
  }

  @Test
  void parseHeader_treatsNullOrBlankAsAbsent() {
    assertThat(SentryAuthParser.parseHeader(null)).isEmpty();
    assertThat(SentryAuthParser.parseHeader("  ")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"node-sdk, 2, sentry.javascript.node/11.12.0", "raven-js, 1, raven-js/3.22.1"})
  void fromQuery_nodeAndRavenJsSendAuthInQueryString(String client, int seq, String sdk) {
    JsonNode meta = Fixtures.meta(client, seq);
    assertThat(Fixtures.header(meta, "X-Sentry-Auth")).isNull();

    assertThat(SentryAuthParser.fromQuery(Fixtures.query(meta)))
        .contains(new SentryAuth(KEY, 7, sdk, null));
  }

  @Test
  void fromQuery_isAbsentWithoutSentryKey() {
    assertThat(SentryAuthParser.fromQuery(Map.of("sentry_version", List.of("7")))).isEmpty();
    assertThat(SentryAuthParser.fromQuery(Map.of())).isEmpty();
    assertThat(SentryAuthParser.fromQuery(null)).isEmpty();
  }

  @Test
  void fromQuery_rejectsEmptyKeyAndNewerVersion() {
    assertRejected(401, "bad x-sentry-auth header",
        () -> SentryAuthParser.fromQuery(Map.of("sentry_key", List.of(""))));
    assertRejected(400, "unsupported protocol version (9)", () -> SentryAuthParser.fromQuery(
        Map.of("sentry_key", List.of("k"), "sentry_version", List.of("9"))));
  }

  @Test
  void resolve_prefersXSentryAuthThenAuthorizationThenQuery() {
    String x = "Sentry sentry_key=k, sentry_client=x";
    String authorization = "Sentry sentry_key=k, sentry_client=authz";
    Map<String, List<String>> query = Map.of("sentry_key", List.of("k"),
        "sentry_client", List.of("query"));

    assertThat(SentryAuthParser.resolve(x, authorization, query).orElseThrow().client())
        .isEqualTo("x");
    assertThat(SentryAuthParser.resolve(null, authorization, query).orElseThrow().client())
        .isEqualTo("authz");
    assertThat(SentryAuthParser.resolve(null, null, query).orElseThrow().client())
        .isEqualTo("query");
  }

  @Test
  void resolve_acceptsSeveralSourcesNamingTheSameKey() {
    assertThat(SentryAuthParser.resolve("Sentry sentry_key=k", "sentry sentry_key=k",
        Map.of("sentry_key", List.of("k")))).map(SentryAuth::publicKey).contains("k");
  }

  @Test
  void resolve_rejectsSourcesNamingDifferentKeysWith401() {
    assertRejected(401, "multiple authorization payloads detected", () -> SentryAuthParser
        .resolve("Sentry sentry_key=a", null, Map.of("sentry_key", List.of("b"))));
  }

  @Test
  void resolve_ignoresOtherAuthorizationSchemesAndQueriesWithoutKey() {
    assertThat(SentryAuthParser.resolve(null, "Bearer token-123",
        Map.of("sentry_version", List.of("7")))).isEmpty();
    assertThat(SentryAuthParser.resolve(null, "Sentryish sentry_key=k", Map.of())).isEmpty();
  }

  @Test
  void resolve_isEmptyWithoutAnySource() {
    assertThat(SentryAuthParser.resolve(null, null, Map.of())).isEmpty();
  }

  @Test
  void resolve_rejectsMalformedXSentryAuthEvenIfQueryIsFine() {
    assertRejected(401, "bad x-sentry-auth header", () -> SentryAuthParser
        .resolve("Sentry sentry_version=7", null, Map.of("sentry_key", List.of("k"))));
  }
}

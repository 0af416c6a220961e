package dev.picket.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.EventId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EnvelopeParserTest {

  private static Envelope parse(String body) {
    return EnvelopeParser.parse(body.getBytes(UTF_8));
  }

  private static String text(EnvelopeItem item) {
    return new String(item.payload(), UTF_8);
  }

  @Test
  void parse_readsSpecExampleWithLengthsAttachmentAndTrailingItemWithoutNewline() {
    String body = "{\"event_id\":\"4b0c2f6f0f6d4a0e9c1c6b7f8a9d0e1f\",\"sent_at\":\"2025-01-31T10:00:00Z\"}\n"
        + "{\"type\":\"event\",\"length\":54,\"content_type\":\"application/json\"}\n"
        + "{\"message\":\"boom\",\"level\":\"error\",\"platform\":\"python\"}\n"
        + "{\"type\":\"attachment\",\"length\":5,\"filename\":\"log.txt\"}\n"
        + "hello\n"
        + "{\"type\":\"client_report\"}\n"
        + "{\"timestamp\":1738317600,\"discarded_events\":[]}";

    Envelope envelope = parse(body);

    assertThat(envelope.items()).extracting(EnvelopeItem::type)
        .containsExactly("event", "attachment", "client_report");
    assertThat(text(envelope.items().get(0)))
        .isEqualTo("{\"message\":\"boom\",\"level\":\"error\",\"platform\":\"python\"}");
    assertThat(text(envelope.items().get(1))).isEqualTo("hello");
    assertThat(text(envelope.items().get(2)))
        .isEqualTo("{\"timestamp\":1738317600,\"discarded_events\":[]}");
    assertThat(envelope.items().get(1).headers().get("filename").asText()).isEqualTo("log.txt");
    assertThat(envelope.eventId()).contains(new EventId("4b0c2f6f0f6d4a0e9c1c6b7f8a9d0e1f"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{}", "'{}\n'", "'  {\"sent_at\":\"x\"}\n'"})
  void parse_acceptsHeaderOnlyEnvelopeAsEmpty(String body) {
    assertThat(parse(body.replace("\\n", "\n")).items()).isEmpty();
  }

  @Test
  void parse_acceptsTheMaximumNumberOfItems() {
    String items = "{\"type\":\"x\"}\n\n".repeat(EnvelopeParser.MAX_ITEMS);
    assertThat(EnvelopeParser.parse(("{}\n" + items).getBytes(UTF_8)).items()).hasSize(EnvelopeParser.MAX_ITEMS);
  }

  @Test
  void parse_refusesMoreItemsThanTheMaximumWith413() {
    // A gzipped body of a million 14-byte items once parsed into ~1.5 GB of item headers.
    String items = "{\"type\":\"x\"}\n\n".repeat(EnvelopeParser.MAX_ITEMS + 1);
    assertThatExceptionOfType(ProtocolException.class)
        .isThrownBy(() -> EnvelopeParser.parse(("{}\n" + items).getBytes(UTF_8)))
        .satisfies(e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void parse_acceptsItemsWithoutLengthEndingAtNewline() {
    Envelope envelope = parse("{}\n{\"type\":\"event\"}\n{\"a\":1}\n{\"type\":\"session\"}\n{\"b\":2}\n");

    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event", "session");
    assertThat(text(envelope.items().get(1))).isEqualTo("{\"b\":2}");
  }

  @Test
  void parse_keepsCarriageReturnInPayloadWithoutLength() {
    Envelope envelope = parse("{}\n{\"type\":\"event\"}\n{\"a\":1}\r\n");

    assertThat(text(envelope.items().get(0))).isEqualTo("{\"a\":1}\r");
  }

  @Test
  void parse_takesExactlyLengthBytesEvenAcrossNewlines() {
    String payload = "{\n  \"message\": \"multi\nline\"\n}";
    int length = payload.getBytes(UTF_8).length;

    Envelope envelope = parse("{}\n{\"type\":\"event\",\"length\":" + length + "}\n" + payload + "\n");

    assertThat(text(envelope.items().get(0))).isEqualTo(payload);
  }

  @Test
  void parse_acceptsEmptyPayloadsWithAndWithoutLength() {
    Envelope envelope = parse("{}\n{\"type\":\"a\",\"length\":0}\n\n{\"type\":\"b\"}\n\n{\"type\":\"c\"}");

    assertThat(envelope.items()).extracting(i -> i.payload().length).containsExactly(0, 0, 0);
    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("a", "b", "c");
  }

  @Test
  void parse_toleratesWhitespaceBeforeItemHeader() {
    Envelope envelope = parse("{}\n  \t{\"type\":\"event\"}\n{}");

    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("event");
  }

  @Test
  void parse_findsHeaderEndDespiteBracesQuotesAndMultibyteText() {
    String header = "{\"event_id\":\"4b0c2f6f0f6d4a0e9c1c6b7f8a9d0e1f\","
        + "\"note\":\"}{ \\\" \\\\\\\" ünïcødé 🎉 \\n\"}";
    String item = "{\"type\":\"attachment\",\"filename\":\"{\\\"}ä.txt\",\"length\":3}";

    Envelope envelope = parse(header + "\n" + item + "\nabc\n" + item + "\nxyz");

    assertThat(envelope.headers().get("note").asText()).isEqualTo("}{ \" \\\" ünïcødé 🎉 \n");
    assertThat(envelope.items()).extracting(EnvelopeParserTest::text).containsExactly("abc", "xyz");
    assertThat(envelope.items().get(1).headers().get("filename").asText()).isEqualTo("{\"}ä.txt");
  }

  @Test
  void parse_keepsBinaryPayloadBytesAndUnknownHeaders() {
    byte[] head = "{\"x-custom\":true}\n{\"type\":\"attachment\",\"length\":4,\"zzz\":1}\n"
        .getBytes(UTF_8);
    byte[] body = new byte[head.length + 4];
    System.arraycopy(head, 0, body, 0, head.length);
    byte[] binary = {(byte) 0xFF, '\n', 0, (byte) 0x80};
    System.arraycopy(binary, 0, body, head.length, 4);

    Envelope envelope = EnvelopeParser.parse(body);

    assertThat(envelope.items().get(0).payload()).containsExactly(binary);
    assertThat(envelope.headers().get("x-custom").asBoolean()).isTrue();
    assertThat(envelope.items().get(0).headers().get("zzz").asInt()).isEqualTo(1);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", EnvelopeParser.EOF),
        Arguments.of("   ", EnvelopeParser.EOF),
        Arguments.of("not json\n", EnvelopeParser.BAD_ENVELOPE_HEADER),
        Arguments.of("[1,2]\n", EnvelopeParser.BAD_ENVELOPE_HEADER),
        Arguments.of("{\"event_id\":\"nope\"}\n", EnvelopeParser.BAD_ENVELOPE_HEADER),
        Arguments.of("{\"event_id\":42}\n", EnvelopeParser.BAD_ENVELOPE_HEADER),
        Arguments.of("{\"a\":1", EnvelopeParser.BAD_ENVELOPE_HEADER),
        Arguments.of("{}\r\n", EnvelopeParser.MISSING_NEWLINE),
        Arguments.of("{} {\"type\":\"event\"}\n", EnvelopeParser.MISSING_NEWLINE),
        Arguments.of("{}\n{\"type\":\"event\"} \n{}", EnvelopeParser.MISSING_NEWLINE),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":2}\n{}x", EnvelopeParser.MISSING_NEWLINE),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":10}\n{}\n", EnvelopeParser.EOF),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":1}", EnvelopeParser.EOF),
        Arguments.of("{}\n{\"type\":\"event\"}\n{}\n\n", EnvelopeParser.EOF),
        Arguments.of("{}\n{\"type\":\"event\"}\n{}\n  ", EnvelopeParser.EOF),
        Arguments.of("{}\ngarbage\n", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n[\"type\"]\n", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"length\":2}\n{}", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":7}\n{}", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":-1}\n", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":\"2\"}\n{}", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":1.5}\n{}", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":4294967296}\n", EnvelopeParser.BAD_ITEM_HEADER),
        Arguments.of("{}\n{\"type\":\"event\",\"length\":99999999999999999999999}\n",
            EnvelopeParser.BAD_ITEM_HEADER));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void parse_rejectsMalformedEnvelopeWith400AndCause(String body, String cause) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> parse(body))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("invalid event envelope");
          assertThat(e.causes()).containsExactly(cause);
        });
  }

  @Test
  void parse_rejectsLengthBeyondBodyAsTruncated() {
    byte[] body = "{}\n{\"type\":\"attachment\",\"length\":4294967295}\nabc".getBytes(UTF_8);

    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> EnvelopeParser.parse(body))
        .satisfies(e -> assertThat(e.causes()).containsExactly("unexpected end of file"));
  }

  @Test
  void parse_rejectsInternalIntegrationItems() {
    assertThatExceptionOfType(ProtocolException.class)
        .isThrownBy(() -> parse("{}\n{\"type\":\"integration\"}\n{}"))
        .satisfies(e -> assertThat(e.detail()).isEqualTo("envelope contains internal items"));
  }

  @Test
  void parse_rejectsHeaderNestedBeyondLimitWith400() {
    String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n";

    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> parse(deep))
        .satisfies(e -> assertThat(e.causes()).containsExactly("invalid envelope header"));
  }

  @Test
  void eventId_acceptsHyphenatedUuidFromSentryCli() {
    Envelope envelope = EnvelopeParser.parse(Fixtures.body("sentry-cli", 18));

    assertThat(envelope.headers().get("event_id").asText())
        .isEqualTo("3fea1031-00a7-d2af-f20a-11045476dddf");
    assertThat(envelope.eventId()).contains(new EventId("3fea103100a7d2aff20a11045476dddf"));
  }

  @Test
  void eventId_isEmptyWhenHeaderHasNoneOrNull() {
    assertThat(parse("{}").eventId()).isEmpty();
    assertThat(parse("{\"event_id\":null}").eventId()).isEmpty();
  }

  @Test
  void parse_sentryCliRawMultiLinePayloadFramedByLength() {
    Envelope envelope = EnvelopeParser.parse(Fixtures.body("sentry-cli-raw", 1));

    EnvelopeItem event = envelope.items().get(0);
    assertThat(event.payload()).hasSize(2474);
    assertThat(text(event)).startsWith("{\n  \"event_id\": \"6d95d29854a28a3af29e7082b75d5a00\"");
    assertThat(EventJson.readObject(event.payload()).get("level").asText()).isEqualTo("error");
    assertThat(envelope.eventId()).contains(new EventId("6d95d29854a28a3af29e7082b75d5a00"));
  }

  @Test
  void parse_nodeEventItemWithoutLengthAndNoTrailingNewline() {
    byte[] body = Fixtures.body("node-sdk", 2);
    assertThat(body[body.length - 1]).isNotEqualTo((byte) '\n');

    Envelope envelope = EnvelopeParser.parse(body);

    EnvelopeItem event = envelope.items().get(0);
    assertThat(event.headers().has("length")).isFalse();
    assertThat(event.payload()).hasSize(5502);
  }

  @Test
  void parse_nodeMixesEventWithoutLengthAndAttachmentWithLength() throws IOException {
    Envelope envelope = EnvelopeParser.parse(Fixtures.body("node-sdk-attachment", 2));

    assertThat(envelope.items()).extracting(EnvelopeItem::type)
        .containsExactly("event", "attachment");
  }

  @Test
  void parse_pythonClientReportEnvelopeWithEmptyHeader() throws IOException {
    byte[] body = BodyDecoder.withDefaults()
        .decode(new ByteArrayInputStream(Fixtures.clientReportBody("python-sdk-0004")), "gzip");

    Envelope envelope = EnvelopeParser.parse(body);

    assertThat(envelope.headers().isEmpty()).isTrue();
    assertThat(envelope.eventId()).isEmpty();
    assertThat(envelope.items()).extracting(EnvelopeItem::type).containsExactly("client_report");
  }

  @Test
  void parse_javaAppendsClientReportToNextEventEnvelope() throws IOException {
    byte[] body = BodyDecoder.withDefaults()
        .decode(new ByteArrayInputStream(Fixtures.clientReportBody("java-sdk-0007")), "gzip");

    Envelope envelope = EnvelopeParser.parse(body);

    assertThat(envelope.items()).extracting(EnvelopeItem::type)
        .containsExactly("event", "client_report");
    assertThat(EventJson.readObject(envelope.items().get(1).payload()).has("discarded_events"))
        .isTrue();
  }

  @Test
  void dsn_readsRubyEnvelopeHeaderDsn() throws IOException {
    Envelope envelope = EnvelopeParser.parse(Fixtures.body("ruby-sdk", 1));

    assertThat(envelope.dsn().flatMap(Dsn::parse)).hasValueSatisfying(dsn -> {
      assertThat(dsn.publicKey()).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
      assertThat(dsn.projectId()).isEqualTo(7);
    });
  }

  static Stream<Arguments> capturedEnvelopes() {
    return Stream.of(
        Arguments.of("java-sdk", 1), Arguments.of("java-sdk", 2),
        Arguments.of("java-sdk-attachment", 1), Arguments.of("java-sdk-attachment", 2),
        Arguments.of("node-sdk", 1), Arguments.of("node-sdk", 2), Arguments.of("node-sdk", 3),
        Arguments.of("node-sdk-attachment", 1), Arguments.of("node-sdk-attachment", 2),
        Arguments.of("node-sdk-attachment", 3),
        Arguments.of("python-sdk-attachment", 1), Arguments.of("python-sdk-attachment", 2),
        Arguments.of("ruby-sdk", 1), Arguments.of("ruby-sdk", 2),
        Arguments.of("sentry-cli", 18), Arguments.of("sentry-cli", 19),
        Arguments.of("sentry-cli-raw", 1), Arguments.of("sentry-cli-raw", 2));
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("capturedEnvelopes")
  void parse_matchesCaptureServerDecodingOfRealSdkEnvelopes(String client, int seq)
      throws IOException {
    String encoding = Fixtures.header(Fixtures.meta(client, seq), "Content-Encoding");
    byte[] body = BodyDecoder.withDefaults()
        .decode(new ByteArrayInputStream(Fixtures.body(client, seq)), encoding);
    JsonNode expected = Fixtures.decoded(client, seq).get("envelope");

    Envelope envelope = EnvelopeParser.parse(body);

    assertThat(envelope.headers()).isEqualTo(expected.get("header"));
    List<EnvelopeItem> items = envelope.items();
    assertThat(items).hasSize(expected.get("items").size());
    for (int i = 0; i < items.size(); i++) {
      assertItemMatches(items.get(i), expected.get("items").get(i));
    }
  }

  private static void assertItemMatches(EnvelopeItem item, JsonNode expected) {
    assertThat(item.headers()).isEqualTo(expected.get("header"));
    assertThat(item.payload()).hasSize(expected.get("payload_length").asInt());
    if (expected.has("json")) {
      assertThat(EventJson.readTree(item.payload())).isEqualTo(expected.get("json"));
    }
    if (expected.has("text")) {
      assertThat(text(item)).isEqualTo(expected.get("text").asText());
    }
  }
}

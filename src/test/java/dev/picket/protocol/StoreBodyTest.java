package dev.picket.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link BodyDecoder#decodeStoreBody}: the store endpoint's JSON / base64 / base64+zlib forms. */
class StoreBodyTest {
  private static final int MAX_EVENT = 1 << 20;
  private static final byte[] JSON = "{\"message\":\"hi\"}".getBytes(UTF_8);

  @ParameterizedTest
  @CsvSource({"ruby-raven, 1", "ruby-raven, 2"})
  void decodeStoreBody_ravenRubyBase64Zlib(String client, int seq) {
    byte[] body = Fixtures.body(client, seq);
    assertThat(body[0]).isNotEqualTo((byte) '{');

    byte[] json = BodyDecoder.decodeStoreBody(body, MAX_EVENT);

    assertThat(EventJson.readTree(json)).isEqualTo(Fixtures.decoded(client, seq).get("event"));
  }

  @ParameterizedTest
  @CsvSource({"ruby-raven-json, 1", "raven-js, 1", "go-sdk, 1"})
  void decodeStoreBody_returnsPlainJsonUnchanged(String client, int seq) {
    byte[] body = Fixtures.body(client, seq);

    assertThat(BodyDecoder.decodeStoreBody(body, MAX_EVENT)).isSameAs(body);
  }

  @Test
  void decodeStoreBody_acceptsJsonAfterLeadingWhitespace() {
    byte[] body = " \r\n\t{\"a\":1}".getBytes(UTF_8);

    assertThat(BodyDecoder.decodeStoreBody(body, MAX_EVENT)).isSameAs(body);
  }

  @Test
  void decodeStoreBody_acceptsBase64OfPlainJson() {
    byte[] body = Base64.getEncoder().encode(JSON);

    assertThat(BodyDecoder.decodeStoreBody(body, MAX_EVENT)).isEqualTo(JSON);
  }

  @Test
  void decodeStoreBody_toleratesLineWrappedBase64() throws IOException {
    byte[] body = Base64.getMimeEncoder(60, "\n".getBytes(UTF_8))
        .encode(BodyDecoderTest.deflate(new byte[2000], false));
    byte[] wrapped = ("{\"x\":\"" + "y".repeat(500) + "\"}").getBytes(UTF_8);
    byte[] wrappedBody = Base64.getMimeEncoder(60, "\r\n".getBytes(UTF_8))
        .encode(BodyDecoderTest.deflate(wrapped, false));

    assertThat(BodyDecoder.decodeStoreBody(body, MAX_EVENT)).hasSize(2000);
    assertThat(BodyDecoder.decodeStoreBody(wrappedBody, MAX_EVENT)).isEqualTo(wrapped);
  }

  @Test
  void decodeStoreBody_rejectsInflatedEventOverLimitWith413() throws IOException {
    byte[] body = Base64.getEncoder().encode(BodyDecoderTest.deflate(new byte[5000], false));

    assertThat(BodyDecoder.decodeStoreBody(body, 5000)).hasSize(5000);
    BodyDecoderTest.assertTooLarge(() -> BodyDecoder.decodeStoreBody(body, 4999));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64 at all!", "aGVsbG8gd29ybGQ=", "[1,2,3]"})
  void decodeStoreBody_rejectsUndecodableBodyWith400(String text) {
    assertThatExceptionOfType(ProtocolException.class)
        .isThrownBy(() -> BodyDecoder.decodeStoreBody(text.getBytes(UTF_8), MAX_EVENT))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("invalid request body");
        });
  }

  @Test
  void decodeStoreBody_rejectsEmptyBodyWith400() {
    assertThatExceptionOfType(ProtocolException.class)
        .isThrownBy(() -> BodyDecoder.decodeStoreBody(new byte[0], MAX_EVENT))
        .satisfies(e -> assertThat(e.detail()).isEqualTo("empty request body"));
  }
}

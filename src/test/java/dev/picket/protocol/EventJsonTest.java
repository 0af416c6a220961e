package dev.picket.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

  private static JsonNode read(String json) {
    return EventJson.readTree(json.getBytes(UTF_8));
  }

  private static String write(JsonNode node) {
    return new String(EventJson.write(node), UTF_8);
  }

  private static void assertInvalid(String json) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> read(json))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("invalid JSON data");
          assertThat(e.causes()).hasSize(1);
          assertThat(e.getMessage()).startsWith("invalid JSON data: ");
        });
  }

  @Test
  void readTree_acceptsPythonNanAndInfinity() {
    JsonNode node = read("{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"d\": 1.5}");

    assertThat(node.get("a").doubleValue()).isNaN();
    assertThat(node.get("b").doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(node.get("c").doubleValue()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void write_emitsNonFiniteNumbersAsNull() {
    JsonNode node = read("{\"a\":NaN,\"b\":[Infinity,-Infinity,2.5],\"c\":1e999}");
    ((ObjectNode) node).put("f", Float.NaN);

    assertThat(write(node)).isEqualTo("{\"a\":null,\"b\":[null,null,2.5],\"c\":null,\"f\":null}");
    assertThat(read(write(node)).get("a").isNull()).isTrue();
  }

  @Test
  void readTree_keepsHugeIntegersExactly() {
    String huge = "123456789012345678901234567890123456789012345678901234567890";

    JsonNode node = read("{\"n\":" + huge + ",\"l\":9223372036854775807}");

    assertThat(node.get("n").bigIntegerValue()).isEqualTo(new BigInteger(huge));
    assertThat(node.get("l").longValue()).isEqualTo(Long.MAX_VALUE);
    assertThat(write(node)).contains(huge);
  }

  @Test
  void readTree_readsFloatsAsDoubles() {
    assertThat(read("{\"t\":1738317600.123456}").get("t").isDouble()).isTrue();
  }

  @Test
  void readTree_rejectsAbsurdlyLongNumbersWith400() {
    assertInvalid("{\"n\":" + "9".repeat(EventJson.MAX_NUMBER_DIGITS + 1) + "}");
  }

  @Test
  void readTree_rejectsDeepNestingWith400InsteadOfStackOverflow() {
    int depth = 100_000;
    assertInvalid("[".repeat(depth) + "]".repeat(depth));
    assertInvalid("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  @Test
  void readTree_acceptsNestingAtTheLimit() {
    int depth = EventJson.MAX_DEPTH;

    assertThat(read("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
  }

  @Test
  void readTree_rejectsOverlongStringsWith400() {
    assertInvalid("{\"s\":\"" + "x".repeat(EventJson.MAX_STRING_CHARS + 1) + "\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "{\"a\":1} trailing", "{\"a\":1}{}", "nul",
      "{'a':1}", "{\"a\":1,}"})
  void readTree_rejectsMalformedJsonWith400(String json) {
    assertInvalid(json);
  }

  @Test
  void readTree_neverEchoesThePayloadInTheError() {
    assertThatExceptionOfType(ProtocolException.class)
        .isThrownBy(() -> read("{\"password\": hunter2secret}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void readTree_rejectsInvalidUtf8With400() {
    byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> EventJson.readTree(bad))
        .satisfies(e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void readObject_rejectsNonObjectsWith400() {
    for (String json : new String[] {"[]", "1", "\"s\"", "null"}) {
      assertThatExceptionOfType(ProtocolException.class)
          .isThrownBy(() -> EventJson.readObject(json.getBytes(UTF_8)))
          .satisfies(e -> assertThat(e.causes()).containsExactly("expected a JSON object"));
    }
  }

  @Test
  void readObject_readsObjectsWithTrailingWhitespace() {
    assertThat(EventJson.readObject("{\"a\":[1,{}]}\n  ".getBytes(UTF_8)).get("a").size())
        .isEqualTo(2);
  }

  @Test
  void write_isCompactAndKeepsUnicode() {
    JsonNode node = read("{ \"a\" : [ 1 , 2 ] , \"u\" : \"ünï 🎉\" }");

    assertThat(EventJson.write(node)).isEqualTo("{\"a\":[1,2],\"u\":\"ünï 🎉\"}".getBytes(UTF_8));
  }

  @Test
  void write_survivesLoneSurrogatesFromSdkStrings() {
    JsonNode node = read("{\"s\":\"\\ud800x\"}");

    assertThat(read(write(node)).get("s").asText()).isEqualTo("\ud800x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"c0af", "e080af", "eda080", "edbfbf", "f4908080", "f5808080", "ff", "c3", "e282"})
  void readTree_refusesInvalidUtf8ThatJacksonWouldDecode(String hex) {
    // Overlong forms (C0 AF is '/'), UTF-8-encoded surrogates, code points past U+10FFFF, truncations.
    byte[] bad = new BigInteger("1" + hex, 16).toByteArray();
    byte[] json = new byte[bad.length - 1 + 15];
    byte[] head = "{\"message\":\"".getBytes(UTF_8);
    System.arraycopy(head, 0, json, 0, head.length);
    System.arraycopy(bad, 1, json, head.length, bad.length - 1);
    json[json.length - 2] = '"';
    json[json.length - 1] = '}';
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> EventJson.readTree(json))
        .satisfies(e -> assertThat(e.causes()).singleElement().asString().startsWith("invalid UTF-8 at byte 12"));
  }

  @Test
  void readTree_acceptsValidMultiByteUtf8() {
    assertThat(read("{\"m\":\"é € 𝄞 \uFFFD\"}").get("m").asText()).isEqualTo("é € 𝄞 \uFFFD");
  }
}

package dev.picket.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one configured Jackson mapper for JSON sent by SDKs. Accepts Python's {@code NaN} / {@code
 * Infinity}, keeps integers of any size (up to {@value #MAX_NUMBER_DIGITS} digits) and doubles as
 * {@code double}, and bounds nesting depth ({@value #MAX_DEPTH}) and string length ({@value
 * #MAX_STRING_CHARS} chars) so hostile input fails with 400 instead of exhausting the stack.
 */
public final class EventJson {
  /** Deepest accepted nesting of arrays and objects. */
  public static final int MAX_DEPTH = 1000;
  /** Longest accepted string value, in chars. */
  public static final int MAX_STRING_CHARS = 20_000_000;
  /** Longest accepted number literal, in chars; bounds the cost of big-integer parsing. */
  public static final int MAX_NUMBER_DIGITS = 1000;

  private static final ObjectMapper MAPPER = createMapper();
  private static final ObjectReader FRAGMENT_READER =
      MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventJson() {}

  /** The shared mapper; use {@link #write} rather than its writers so NaN becomes null. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one JSON value; trailing non-whitespace and invalid UTF-8 (overlong forms, encoded
   * surrogates, which Jackson alone lets through) are errors. Throws 400 {@code invalid JSON
   * data} with one cause naming the problem and its position, never the payload.
   */
  public static JsonNode readTree(byte[] json) {
    int invalidUtf8 = Utf8.firstInvalid(json, 0, json.length);
    if (invalidUtf8 >= 0) {
      throw invalid("invalid UTF-8 at byte " + invalidUtf8);
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw invalid("no content");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalid(reason(e));
    } catch (IOException e) {
      throw invalid("unreadable input");
    }
  }

  /** As {@link #readTree}, but the value must be an object (else 400). */
  public static ObjectNode readObject(byte[] json) {
    JsonNode node = readTree(json);
    if (!(node instanceof ObjectNode)) {
      throw invalid("expected a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Writes compact UTF-8 JSON; non-finite numbers (NaN, ±Infinity) are written as {@code null}. */
  public static byte[] write(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator generator = new NonFiniteAsNull(MAPPER.createGenerator(out))) {
      MAPPER.writeTree(generator, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A reader that stops after one value, for parsers positioned inside a larger body. */
  static ObjectReader fragmentReader() {
    return FRAGMENT_READER;
  }

  private static ObjectMapper createMapper() {
    JsonFactory factory = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING_CHARS)
            .maxNumberLength(MAX_NUMBER_DIGITS)
            .build())
        .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  private static ProtocolException invalid(String reason) {
    return ProtocolException.badRequest("invalid JSON data", reason);
  }

  private static String reason(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        String message = String.valueOf(t.getMessage());
        return message.contains("nesting") ? "nesting deeper than " + MAX_DEPTH : "value too long";
      }
    }
    String where = where(e.getLocation());
    if (e instanceof JsonEOFException) {
      return "unexpected end of input" + where;
    }
    if (e instanceof JsonParseException) {
      return "syntax error" + where;
    }
    return "unexpected content" + where;
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " at line " + location.getLineNr() + " column " + location.getColumnNr();
  }

  /** Writes NaN and infinities as null: JSON has no literal for them. */
  private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
    NonFiniteAsNull(JsonGenerator delegate) {
      super(delegate, false);
    }

    @Override
    public void writeNumber(double v) throws IOException {
      if (Double.isFinite(v)) {
        super.writeNumber(v);
      } else {
        super.writeNull();
      }
    }

    @Override
    public void writeNumber(float v) throws IOException {
      if (Float.isFinite(v)) {
        super.writeNumber(v);
      } else {
        super.writeNull();
      }
    }
  }
}

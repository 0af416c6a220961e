package dev.picket.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the envelope format byte by byte (spec §3.1): a header object, then items, each a header
 * object, {@code \n}, and a payload of exactly {@code length} bytes, or up to the next {@code \n}
 * when the header has no {@code length}. Newlines after the last header or payload are optional.
 * Every syntax error is 400 {@code invalid event envelope} with one cause; more than {@value
 * #MAX_ITEMS} items is 413.
 */
public final class EnvelopeParser {
  static final String INVALID = "invalid event envelope";
  static final String EOF = "unexpected end of file";
  static final String MISSING_NEWLINE = "missing newline after header or payload";
  static final String BAD_ITEM_HEADER = "invalid item header";
  static final String BAD_ENVELOPE_HEADER = "invalid envelope header";
  private static final long MAX_LENGTH = 0xFFFF_FFFFL;
  /**
   * Most items one envelope may hold. SDKs send a handful (an event, up to 30 attachments, up to
   * 100 sessions and client reports); without a cap a 100 MiB body of 14-byte items becomes
   * millions of parsed headers, gigabytes of heap.
   */
  public static final int MAX_ITEMS = 1000;

  private EnvelopeParser() {}

  /** Parses a decoded request body into an envelope; throws 400 {@link ProtocolException}. */
  public static Envelope parse(byte[] body) {
    Json header = readObject(body, 0, BAD_ENVELOPE_HEADER);
    checkEnvelopeHeader(header.node());
    int pos = skipNewline(body, header.end());
    List<EnvelopeItem> items = new ArrayList<>();
    while (pos < body.length) {
      if (items.size() == MAX_ITEMS) {
        throw new ProtocolException(413, "envelope exceeded size limits",
            List.of("more than " + MAX_ITEMS + " items"));
      }
      pos = readItem(body, pos, items);
    }
    return new Envelope(header.node(), items);
  }

  private static int readItem(byte[] body, int from, List<EnvelopeItem> items) {
    Json header = readObject(body, from, BAD_ITEM_HEADER);
    long length = itemLength(header.node());
    if ("integration".equals(header.node().path("type").textValue())) {
      throw ProtocolException.badRequest("envelope contains internal items");
    }
    int start = skipNewline(body, header.end());
    int end;
    int next;
    if (length >= 0) {
      if (length > body.length - start) {
        throw fail(EOF);
      }
      end = start + (int) length;
      next = skipNewline(body, end);
    } else {
      end = indexOfNewline(body, start);
      next = end < body.length ? end + 1 : end;
    }
    items.add(new EnvelopeItem(header.node(), Arrays.copyOfRange(body, start, end)));
    return next;
  }

  /** The {@code length} header, -1 when absent or null; anything but a u32 is invalid. */
  private static long itemLength(ObjectNode header) {
    if (!header.path("type").isTextual()) {
      throw fail(BAD_ITEM_HEADER);
    }
    JsonNode length = header.get("length");
    if (length == null || length.isNull()) {
      return -1;
    }
    if (!length.isIntegralNumber() || !length.canConvertToLong()
        || length.longValue() < 0 || length.longValue() > MAX_LENGTH) {
      throw fail(BAD_ITEM_HEADER);
    }
    return length.longValue();
  }

  private static void checkEnvelopeHeader(ObjectNode header) {
    JsonNode id = header.get("event_id");
    if (id != null && !id.isNull()
        && (!id.isTextual() || EventId.parse(id.textValue()).isEmpty())) {
      throw fail(BAD_ENVELOPE_HEADER);
    }
  }

  /** Reads one JSON object starting at {@code from} (leading whitespace skipped). */
  private static Json readObject(byte[] body, int from, String invalidCause) {
    try (JsonParser parser = EventJson.mapper().createParser(body, from, body.length - from)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fail(EOF);
      }
      if (first != JsonToken.START_OBJECT) {
        throw fail(invalidCause);
      }
      ObjectNode node = EventJson.fragmentReader().readTree(parser);
      int end = Math.toIntExact(from + parser.currentLocation().getByteOffset());
      if (Utf8.firstInvalid(body, from, end) >= 0) {
        throw fail(invalidCause);
      }
      return new Json(node, end);
    } catch (IOException | ArithmeticException e) {
      throw fail(invalidCause);
    }
  }

  private static int skipNewline(byte[] body, int pos) {
    if (pos == body.length) {
      return pos;
    }
    if (body[pos] != '\n') {
      throw fail(MISSING_NEWLINE);
    }
    return pos + 1;
  }

  private static int indexOfNewline(byte[] body, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    return body.length;
  }

  private static ProtocolException fail(String cause) {
    return ProtocolException.badRequest(INVALID, cause);
  }

  private record Json(ObjectNode node, int end) {}
}

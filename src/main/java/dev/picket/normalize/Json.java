package dev.picket.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small lenient accessors over Jackson trees shared by the normalization steps. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  /** True for absent, null, {@code ""}, {@code {}} and {@code []}. */
  static boolean isEmpty(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return true;
    }
    if (n.isTextual()) {
      return n.textValue().isEmpty();
    }
    return n.isContainerNode() && n.size() == 0;
  }

  /** Scalars as text (numbers/booleans stringified); containers and nulls give null. */
  static String scalarText(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
      return null;
    }
    if (n.isFloatingPointNumber() && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 1e15) {
      return Long.toString((long) n.doubleValue());
    }
    return n.asText();
  }

  /** Any value as text: scalars via {@link #scalarText}, containers JSON-encoded. */
  static String anyText(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.isContainerNode() ? compact(n) : scalarText(n);
  }

  static String text(JsonNode n) {
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  static String compact(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException | StackOverflowError e) {
      return String.valueOf(n);
    }
  }

  static ObjectNode obj() {
    return F.objectNode();
  }

  static ArrayNode arr() {
    return F.arrayNode();
  }

  static ArrayNode pair(String k, String v) {
    ArrayNode p = F.arrayNode();
    p.add(k);
    p.add(v);
    return p;
  }

  static void putIfPresent(ObjectNode out, String key, JsonNode value) {
    if (!isEmpty(value)) {
      out.set(key, value);
    }
  }

  static void putText(ObjectNode out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.put(key, value);
    }
  }
}

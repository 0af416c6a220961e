package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Collects the event's {@code errors} entries in Relay's kinds ({@code invalid_data}, ...). The
 * original value is kept only when small: a repair must not store the oversized data again.
 */
final class EventErrors {
  /** Largest original value (as compact JSON) kept in an entry; larger ones keep only their size. */
  static final int MAX_VALUE_CHARS = 1024;

  private final ArrayNode list = JsonNodeFactory.instance.arrayNode();

  ObjectNode add(String type, String name, JsonNode value) {
    ObjectNode e = list.addObject();
    e.put("type", type);
    e.put("name", name);
    if (value != null && !value.isMissingNode() && !value.isNull()) {
      int length = value.isTextual() ? value.textValue().length() : value.toString().length();
      if (length <= MAX_VALUE_CHARS) {
        e.set("value", value.deepCopy());
      } else {
        e.put("original_length", length);
      }
    }
    return e;
  }

  void invalidData(String name, JsonNode value, String reason) {
    add("invalid_data", name, value).put("reason", reason);
  }

  void missingAttribute(String name, String attribute) {
    add("missing_attribute", name, null).put("attribute", attribute);
  }

  void invalidAttribute(String name) {
    add("invalid_attribute", name, null);
  }

  void valueTooLong(String name, JsonNode value) {
    add("value_too_long", name, value);
  }

  ArrayNode toArray() {
    return list;
  }

  int size() {
    return list.size();
  }
}

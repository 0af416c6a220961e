package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Value-list containers ({@code exception}, {@code threads}, {@code breadcrumbs}): accepts
 * {@code {"values": [...]}}, a bare array or a single object (§5.5).
 */
final class ValueLists {
  private ValueLists() {}

  /** The list of values, or null when absent or invalid (invalid → error recorded). */
  static ArrayNode values(JsonNode raw, String name, EventErrors errors) {
    if (Json.isEmpty(raw)) {
      return null;
    }
    if (raw.isArray()) {
      return (ArrayNode) raw;
    }
    if (raw.isObject()) {
      JsonNode values = raw.get("values");
      if (values != null && values.isArray()) {
        return (ArrayNode) values;
      }
      if (values == null || values.isNull()) {
        if (raw.has("values")) {
          return null;
        }
        ArrayNode single = Json.arr();
        single.add(raw);
        return single;
      }
    }
    errors.invalidData(name, raw, "expected a list or values object");
    return null;
  }
}

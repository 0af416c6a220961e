package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Client tags (§5.8) as an ordered list of {@code [key, value]} pairs: dict or pairs accepted,
 * stringified and trimmed, first occurrence wins, reserved keys dropped, {@code environment}
 * moved to the field, empty or over-long parts recorded as errors. {@code server_name} and
 * {@code site} are appended here as tags.
 */
final class Tags {
  private static final Set<String> RESERVED = Set.of("release", "dist", "user", "filename", "function");

  private Tags() {}

  static void apply(ObjectNode in, ObjectNode out, EventErrors errors) {
    ArrayNode tags = Json.arr();
    Set<String> seen = new HashSet<>();
    List<JsonNode[]> raw = pairs(in.get("tags"), errors);
    for (int i = 0; i < raw.size(); i++) {
      String path = "tags." + i;
      String key = part(raw.get(i)[0], path + ".0", errors);
      String value = part(raw.get(i)[1], path + ".1", errors);
      if (key == null || value == null) {
        continue;
      }
      key = key.replace(' ', '-');
      if (key.equals("environment")) {
        if (!out.has("environment")) {
          out.put("environment", value);
        }
        continue;
      }
      if (RESERVED.contains(key) || !seen.add(key)) {
        continue;
      }
      tags.add(Json.pair(key, value));
    }
    for (String key : new String[] {"server_name", "site"}) {
      String v = Attributes.stringField(key, in.get(key), errors);
      if (v != null && !v.isBlank()) {
        set(tags, key, Trimming.truncate(v.trim(), Trimming.TAG));
      }
    }
    out.set("tags", tags);
  }

  private static List<JsonNode[]> pairs(JsonNode raw, EventErrors errors) {
    List<JsonNode[]> out = new ArrayList<>();
    if (Json.isEmpty(raw)) {
      return out;
    }
    if (raw.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(new JsonNode[] {Json.F.textNode(e.getKey()), e.getValue()});
      }
    } else if (raw.isArray()) {
      for (int i = 0; i < raw.size(); i++) {
        JsonNode p = raw.get(i);
        if (p.isArray() && p.size() == 2) {
          out.add(new JsonNode[] {p.get(0), p.get(1)});
        } else {
          errors.invalidData("tags." + i, p, "expected a pair");
        }
      }
    } else {
      errors.invalidData("tags", raw, "expected tags");
    }
    return out;
  }

  private static String part(JsonNode v, String path, EventErrors errors) {
    // Sentry stringifies a boolean tag value the Python way (`True`), as its answers show.
    String s = v != null && v.isBoolean() ? (v.booleanValue() ? "True" : "False") : Json.anyText(v);
    s = s == null ? "" : s.trim();
    if (s.isEmpty()) {
      errors.invalidData(path, null, "expected a non-empty value");
      return null;
    }
    if (s.length() > Trimming.TAG) {
      errors.valueTooLong(path, v);
      return null;
    }
    return s;
  }

  static int indexOf(ArrayNode tags, String key) {
    for (int i = 0; i < tags.size(); i++) {
      if (key.equals(tags.get(i).path(0).asText())) {
        return i;
      }
    }
    return -1;
  }

  /** Sets a tag, replacing an existing pair of the same key in place. */
  static void set(ArrayNode tags, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    String v = Trimming.truncate(value, Trimming.TAG);
    int i = indexOf(tags, key);
    if (i >= 0) {
      tags.set(i, Json.pair(key, v));
    } else {
      tags.add(Json.pair(key, v));
    }
  }
}

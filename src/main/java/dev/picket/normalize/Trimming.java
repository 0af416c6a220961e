package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/** Relay-style length limits for strings and depth limits for free-form databags (§5.12). */
final class Trimming {
  static final int MESSAGE = 8192;
  static final int EXCEPTION_VALUE = 8192;
  static final int SYMBOL = 256;
  static final int CULPRIT = 200;
  static final int TRANSACTION = 200;
  static final int LOGGER = 64;
  static final int ENVIRONMENT = 64;
  static final int DIST = 64;
  static final int TAG = 200;
  static final int RELEASE = 200;
  static final int PATH = 256;
  static final int SERVER_NAME = 256;
  static final int BREADCRUMB_MESSAGE = 8192;

  static final int DEPTH_EXTRA = 7;
  static final int DEPTH_REQUEST = 7;
  static final int DEPTH_CONTEXT = 5;
  static final int DEPTH_VARS = 7;
  static final int DEPTH_CRUMB = 5;

  private Trimming() {}

  /** Cuts {@code s} to {@code max} characters, the last three being {@code ...}. */
  static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int cut = max - 3;
    if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, Math.max(cut, 0)) + "...";
  }

  /**
   * A copy of {@code bag} where containers nested deeper than {@code maxDepth} (the bag itself is
   * depth 1) are replaced by their compact JSON string. Never recurses past {@code maxDepth}.
   */
  static JsonNode databag(JsonNode bag, int maxDepth) {
    return copy(bag, 1, maxDepth);
  }

  private static JsonNode copy(JsonNode n, int depth, int maxDepth) {
    if (n == null || !n.isContainerNode()) {
      return n == null ? null : n.deepCopy();
    }
    if (depth > maxDepth) {
      return TextNode.valueOf(Json.compact(n));
    }
    if (n.isObject()) {
      ObjectNode out = Json.obj();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), copy(e.getValue(), depth + 1, maxDepth));
      }
      return out;
    }
    ArrayNode out = Json.arr();
    for (JsonNode c : n) {
      out.add(copy(c, depth + 1, maxDepth));
    }
    return out;
  }
}

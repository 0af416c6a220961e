package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Sentry 9's "drop falsy values" rule for user, mechanism and message data. */
final class Pruning {
  private Pruning() {}

  /** A copy of the object without null, "", {} and [] values (false and 0 are kept). */
  static ObjectNode withoutEmpty(JsonNode node) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
    while (fields.hasNext()) {
      if (isEmpty(fields.next().getValue())) {
        fields.remove();
      }
    }
    return copy;
  }

  static boolean isEmpty(JsonNode value) {
    return value == null
        || value.isNull()
        || value.isMissingNode()
        || (value.isTextual() && value.textValue().isEmpty())
        || (value.isContainerNode() && value.isEmpty());
  }
}

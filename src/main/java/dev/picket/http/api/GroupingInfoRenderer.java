package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.GroupingComponent;
import dev.picket.grouping.GroupingVariant;
import java.util.List;

/** Grouping variants in the shape of Sentry's grouping-info: variant name → details and tree. */
final class GroupingInfoRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private GroupingInfoRenderer() {}

  static ObjectNode render(List<GroupingVariant> variants, List<String> storedHashes) {
    ObjectNode out = F.objectNode();
    for (GroupingVariant variant : variants) {
      ObjectNode v = out.putObject(variant.name());
      v.put("key", variant.name());
      v.put("type", variant.type());
      v.put("hash", variant.hash());
      v.put("hashMismatch", variant.hash() != null && !storedHashes.contains(variant.hash()));
      v.put("contributes", variant.contributes());
      v.put("hint", variant.hint());
      ArrayNode values = v.putArray("values");
      variant.values().forEach(values::add);
      v.set("component", variant.component() == null ? F.nullNode() : component(variant.component()));
    }
    return out;
  }

  private static ObjectNode component(GroupingComponent c) {
    ObjectNode out = F.objectNode();
    out.put("id", c.id());
    out.put("contributes", c.contributes());
    out.put("hint", c.hint());
    ArrayNode values = out.putArray("values");
    for (Object value : c.values()) {
      if (value instanceof GroupingComponent child) {
        values.add(component(child));
      } else {
        values.add(String.valueOf(value));
      }
    }
    return out;
  }
}

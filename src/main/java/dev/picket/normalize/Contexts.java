package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Contexts: alias → object with {@code type} (declared known type, else the alias when it is a
 * known type, else {@code default}); null and empty-string values dropped; empty contexts and a
 * client-sent {@code reprocessing} context removed.
 */
final class Contexts {
  static final Set<String> KNOWN_TYPES = Set.of("app", "device", "runtime", "browser", "os", "gpu",
      "monitor", "trace", "otel", "culture", "cloud_resource");

  private Contexts() {}

  static void apply(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("contexts");
    if (Json.isEmpty(raw)) {
      return;
    }
    if (!raw.isObject()) {
      errors.invalidData("contexts", raw, "expected an object");
      return;
    }
    ObjectNode contexts = Json.obj();
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String alias = e.getKey();
      JsonNode ctx = e.getValue();
      if (ctx == null || ctx.isNull() || alias.equals("reprocessing")) {
        continue;
      }
      if (!ctx.isObject()) {
        errors.invalidData("contexts." + alias, ctx, "expected a context object");
        continue;
      }
      ObjectNode o = Json.obj();
      for (Iterator<Map.Entry<String, JsonNode>> f = ctx.fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> field = f.next();
        JsonNode v = field.getValue();
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())
            || field.getKey().equals("type")) {
          continue;
        }
        o.set(field.getKey(), Trimming.databag(v, Trimming.DEPTH_CONTEXT - 1));
      }
      if (o.isEmpty()) {
        continue;
      }
      o.put("type", typeOf(alias, Json.text(ctx.get("type"))));
      contexts.set(alias, o);
    }
    if (contexts.size() > 0) {
      out.set("contexts", contexts);
    }
  }

  static String typeOf(String alias, String declared) {
    if (declared != null && KNOWN_TYPES.contains(declared)) {
      return declared;
    }
    return KNOWN_TYPES.contains(alias) ? alias : "default";
  }
}

package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contexts: alias → object with {@code type} (declared known type, else the alias when it is a
 * known type, else {@code default}); null and empty-string values dropped; empty contexts and a
 * client-sent {@code reprocessing} context removed.
 */
final class Contexts {
  static final Set<String> KNOWN_TYPES = Set.of("app", "device", "runtime", "browser", "os", "gpu",
      "monitor", "trace", "otel", "culture", "cloud_resource");

  private static final Pattern LINUX = Pattern.compile("^Linux (\\d+\\.\\d+(?:\\.\\d+)?)");
  private static final Pattern RUNTIME = Pattern.compile("^(.+?) v?(\\d+(?:\\.\\d+)+)\\S*$");

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
      fromRawDescription(o);
      contexts.set(alias, o);
    }
    if (contexts.size() > 0) {
      out.set("contexts", contexts);
    }
  }

  /**
   * An OS or runtime context sent with only {@code raw_description} gets its name (and the
   * kernel or runtime version) parsed from it, as Sentry shows for the .NET SDK's
   * {@code "Linux 5.4.0-7626-generic #30~…"} → {@code name: Linux, kernel_version: 5.4.0}.
   */
  static void fromRawDescription(ObjectNode context) {
    String raw = Json.text(context.get("raw_description"));
    if (raw == null || context.has("name")) {
      return;
    }
    String type = context.path("type").asText();
    Matcher m;
    if (type.equals("os") && (m = LINUX.matcher(raw)).find()) {
      context.put("name", "Linux");
      if (!context.has("kernel_version")) {
        context.put("kernel_version", m.group(1));
      }
    } else if (type.equals("runtime") && (m = RUNTIME.matcher(raw)).matches()) {
      context.put("name", m.group(1));
      if (!context.has("version")) {
        context.put("version", m.group(2));
      }
    }
  }

  static String typeOf(String alias, String declared) {
    if (declared != null && KNOWN_TYPES.contains(declared)) {
      return declared;
    }
    return KNOWN_TYPES.contains(alias) ? alias : "default";
  }
}

package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Free-form and SDK-describing fields: {@code extra}, {@code modules}, {@code sdk} (derived from
 * {@code sentry_client} when absent), {@code fingerprint}, {@code checksum}.
 */
final class Extras {
  private Extras() {}

  static void extra(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("extra");
    if (raw != null && raw.isObject()) {
      out.set("extra", Trimming.databag(raw, Trimming.DEPTH_EXTRA));
      return;
    }
    if (!Json.isEmpty(raw)) {
      errors.invalidData("extra", raw, "expected an object");
    }
    out.putObject("extra");
  }

  static void modules(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("modules");
    if (Json.isEmpty(raw)) {
      return;
    }
    if (!raw.isObject()) {
      errors.invalidData("modules", raw, "expected an object");
      return;
    }
    ObjectNode modules = Json.obj();
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String version = Json.scalarText(e.getValue());
      if (version != null) {
        modules.put(e.getKey(), version);
      }
    }
    if (modules.size() > 0) {
      out.set("modules", modules);
    }
  }

  static void sdk(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("sdk");
    ObjectNode sdk = Json.obj();
    if (raw != null && raw.isObject()) {
      Json.putText(sdk, "name", Json.scalarText(raw.get("name")));
      Json.putText(sdk, "version", Json.scalarText(raw.get("version")));
      JsonNode integrations = raw.get("integrations");
      if (integrations != null && integrations.isArray() && integrations.size() > 0) {
        ArrayNode a = sdk.putArray("integrations");
        integrations.forEach(i -> {
          String s = Json.scalarText(i);
          if (s != null) {
            a.add(s);
          }
        });
      }
      JsonNode packages = raw.get("packages");
      if (packages != null && packages.isArray() && packages.size() > 0) {
        sdk.set("packages", Trimming.databag(packages, 2));
      }
    } else if (!Json.isEmpty(raw)) {
      errors.invalidData("sdk", raw, "expected an object");
    }
    if (sdk.has("name")) {
      out.set("sdk", sdk);
    }
  }

  static void fingerprint(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("fingerprint");
    if (raw == null || raw.isNull()) {
      return;
    }
    if (!raw.isArray()) {
      errors.invalidData("fingerprint", raw, "expected an array of strings");
      return;
    }
    ArrayNode fp = Json.arr();
    for (JsonNode e : raw) {
      String s = Json.anyText(e);
      if (s != null) {
        fp.add(s);
      }
    }
    if (fp.size() > 0) {
      out.set("fingerprint", fp);
    }
  }

  static void checksum(ObjectNode in, ObjectNode out, EventErrors errors) {
    String s = Attributes.stringField("checksum", in.get("checksum"), errors);
    if (s != null && !s.isBlank()) {
      out.put("checksum", s.trim());
    }
  }
}

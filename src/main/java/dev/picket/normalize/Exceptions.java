package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception interface (§5.6): values oldest → newest, {@code Word: rest} split when the type
 * is missing, non-string values JSON-encoded, entries without type and value removed.
 */
final class Exceptions {
  private static final Pattern TYPE_PREFIX = Pattern.compile("^(\\w+):(.*)$", Pattern.DOTALL);

  private Exceptions() {}

  /**
   * Writes {@code exception} to {@code out}. When there is exactly one exception without a stack
   * trace and {@code topLevelStacktrace} is non-null, it is moved into it; returns true then.
   */
  static boolean apply(ObjectNode in, ObjectNode out, ObjectNode topLevelStacktrace,
      EventErrors errors) {
    ArrayNode values = ValueLists.values(in.get("exception"), "exception", errors);
    if (values == null) {
      return false;
    }
    ArrayNode outValues = Json.arr();
    for (int i = 0; i < values.size(); i++) {
      String path = "exception.values." + i;
      JsonNode v = values.get(i);
      if (v == null || v.isNull()) {
        continue;
      }
      if (!v.isObject()) {
        errors.invalidData(path, v, "expected an exception");
        continue;
      }
      ObjectNode e = single((ObjectNode) v, path, errors);
      if (e != null) {
        outValues.add(e);
      }
    }
    if (outValues.isEmpty()) {
      return false;
    }
    boolean moved = false;
    if (outValues.size() == 1 && topLevelStacktrace != null
        && !outValues.get(0).has("stacktrace")) {
      ((ObjectNode) outValues.get(0)).set("stacktrace", topLevelStacktrace);
      moved = true;
    }
    out.putObject("exception").set("values", outValues);
    return moved;
  }

  private static ObjectNode single(ObjectNode v, String path, EventErrors errors) {
    String type = Json.scalarText(v.get("type"));
    JsonNode rawValue = v.get("value");
    String value = rawValue == null || rawValue.isNull() ? null
        : rawValue.isTextual() ? rawValue.textValue() : Json.compact(rawValue);
    if (isEmpty(type) && !isEmpty(value)) {
      Matcher m = TYPE_PREFIX.matcher(value);
      if (m.matches()) {
        type = m.group(1);
        value = m.group(2).trim();
      }
    }
    if (isEmpty(type) && isEmpty(value)) {
      errors.missingAttribute(path, "type or value");
      return null;
    }
    ObjectNode out = Json.obj();
    if (!isEmpty(type)) {
      out.put("type", Trimming.truncate(type, Trimming.SYMBOL));
    }
    if (!isEmpty(value)) {
      out.put("value", Trimming.truncate(value, Trimming.EXCEPTION_VALUE));
    }
    String module = Json.scalarText(v.get("module"));
    if (module != null) {
      // An empty module is kept: Sentry answers `"module": ""` for sentry-ruby's exceptions.
      out.put("module", Trimming.truncate(module, Trimming.SYMBOL));
    }
    JsonNode mechanism = v.get("mechanism");
    if (mechanism != null && mechanism.isObject() && mechanism.size() > 0) {
      out.set("mechanism", Trimming.databag(mechanism, Trimming.DEPTH_CONTEXT));
    } else if (mechanism != null && !mechanism.isNull() && !mechanism.isObject()) {
      errors.invalidData(path + ".mechanism", mechanism, "expected a mechanism object");
    }
    JsonNode threadId = v.get("thread_id");
    if (threadId != null && (threadId.isIntegralNumber() || threadId.isTextual())) {
      out.set("thread_id", threadId);
    }
    Json.putIfPresent(out, "stacktrace",
        Stacktraces.normalize(v.get("stacktrace"), path + ".stacktrace", errors));
    Json.putIfPresent(out, "raw_stacktrace",
        Stacktraces.normalize(v.get("raw_stacktrace"), path + ".raw_stacktrace", errors));
    return out;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}

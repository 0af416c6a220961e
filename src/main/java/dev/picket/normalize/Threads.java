package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The threads interface: {@code {values: [{id, name, crashed, current, state, stacktrace}]}}. */
final class Threads {
  private Threads() {}

  static void apply(ObjectNode in, ObjectNode out, EventErrors errors) {
    ArrayNode values = ValueLists.values(in.get("threads"), "threads", errors);
    if (values == null) {
      return;
    }
    ArrayNode outValues = Json.arr();
    for (int i = 0; i < values.size(); i++) {
      JsonNode t = values.get(i);
      String path = "threads.values." + i;
      if (t == null || !t.isObject()) {
        if (t != null && !t.isNull()) {
          errors.invalidData(path, t, "expected a thread");
        }
        continue;
      }
      ObjectNode o = Json.obj();
      JsonNode id = t.get("id");
      if (id != null && (id.isIntegralNumber() || id.isTextual())) {
        o.set("id", id);
      }
      String name = Json.scalarText(t.get("name"));
      Json.putText(o, "name", name);
      bool(t, o, "crashed");
      bool(t, o, "current");
      Json.putText(o, "state", Json.text(t.get("state")));
      Json.putIfPresent(o, "stacktrace",
          Stacktraces.normalize(t.get("stacktrace"), path + ".stacktrace", errors));
      Json.putIfPresent(o, "raw_stacktrace",
          Stacktraces.normalize(t.get("raw_stacktrace"), path + ".raw_stacktrace", errors));
      if (o.size() > 0) {
        outValues.add(o);
      }
    }
    if (!outValues.isEmpty()) {
      out.putObject("threads").set("values", outValues);
    }
  }

  private static void bool(JsonNode t, ObjectNode o, String key) {
    JsonNode v = t.get(key);
    if (v == null || v.isNull()) {
      return;
    }
    if (v.isBoolean()) {
      o.put(key, v.booleanValue());
    } else if (v.isNumber()) {
      o.put(key, v.doubleValue() != 0);
    } else if (v.isTextual()) {
      o.put(key, v.textValue().equalsIgnoreCase("true"));
    }
  }
}

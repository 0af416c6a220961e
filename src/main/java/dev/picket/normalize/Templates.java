package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The template interface: {@code {abs_path, filename, lineno, context_line, pre/post_context}}. */
final class Templates {
  private Templates() {}

  static void apply(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode t = in.get("template");
    if (Json.isEmpty(t)) {
      return;
    }
    if (!t.isObject()) {
      errors.invalidData("template", t, "expected a template");
      return;
    }
    ObjectNode o = Json.obj();
    for (String key : new String[] {"abs_path", "filename"}) {
      String v = Json.scalarText(t.get(key));
      if (v != null && !v.isEmpty()) {
        o.put(key, Trimming.truncate(v, Trimming.PATH));
      }
    }
    Stacktraces.fillPaths(o);
    Stacktraces.lineNumber(t, o, "lineno");
    Stacktraces.context(t, o);
    if (!o.has("filename") && !o.has("context_line")) {
      errors.missingAttribute("template", "filename or context_line");
      return;
    }
    out.set("template", o);
  }
}

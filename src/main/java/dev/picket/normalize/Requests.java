package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request interface (§4.6): url without query/fragment, uppercased method, raw query string,
 * body decoded (JSON, then form), Title-Cased header pairs, cookies split from a Cookie header.
 */
final class Requests {
  private Requests() {}

  static void apply(ObjectNode in, ObjectNode out, String clientIp, EventErrors errors) {
    JsonNode r = in.get("request");
    if (Json.isEmpty(r)) {
      return;
    }
    if (!r.isObject()) {
      errors.invalidData("request", r, "expected a request object");
      return;
    }
    ObjectNode o = Json.obj();
    String url = Json.scalarText(r.get("url"));
    String query = queryString(r.get("query_string"));
    String fragment = Json.scalarText(r.get("fragment"));
    if (url != null && !url.isEmpty()) {
      int hash = url.indexOf('#');
      if (hash >= 0) {
        fragment = fragment == null || fragment.isEmpty() ? url.substring(hash + 1) : fragment;
        url = url.substring(0, hash);
      }
      int q = url.indexOf('?');
      if (q >= 0) {
        query = query == null || query.isEmpty() ? url.substring(q + 1) : query;
        url = url.substring(0, q);
      }
      o.put("url", url);
    }
    String method = Json.scalarText(r.get("method"));
    if (method != null && !method.isBlank()) {
      String m = method.trim().toUpperCase(Locale.ROOT);
      if (m.matches("[A-Z_\\-]{3,32}")) {
        o.put("method", m);
      } else {
        errors.invalidData("request.method", r.get("method"), "invalid method");
      }
    }
    if (query != null && query.startsWith("?")) {
      query = query.substring(1);
    }
    Json.putText(o, "query_string", query);
    if (fragment != null && (!fragment.isEmpty() || o.has("url"))) {
      o.put("fragment", fragment);
    } else if (o.has("url")) {
      o.put("fragment", "");
    }
    List<String[]> headers = headers(r.get("headers"), errors);
    String cookieHeader = null;
    String contentType = null;
    for (Iterator<String[]> it = headers.iterator(); it.hasNext(); ) {
      String[] h = it.next();
      if (h[0].equals("Cookie")) {
        cookieHeader = cookieHeader == null ? h[1] : cookieHeader;
        it.remove();
      } else if (h[0].equals("Content-Type") && contentType == null) {
        contentType = h[1];
      }
    }
    body(r.get("data"), contentType, o);
    if (!headers.isEmpty()) {
      ArrayNode a = o.putArray("headers");
      headers.forEach(h -> a.add(Json.pair(h[0], h[1])));
    }
    JsonNode cookies = r.get("cookies");
    List<String[]> cookiePairs = Json.isEmpty(cookies) ? cookies(cookieHeader == null ? null
        : Json.F.textNode(cookieHeader)) : cookies(cookies);
    if (!cookiePairs.isEmpty()) {
      ArrayNode a = o.putArray("cookies");
      cookiePairs.forEach(c -> a.add(Json.pair(c[0], c[1])));
    }
    JsonNode env = r.get("env");
    if (env != null && env.isObject() && env.size() > 0) {
      ObjectNode e = (ObjectNode) Trimming.databag(env, 3);
      if ("{{auto}}".equals(Json.text(e.get("REMOTE_ADDR")))) {
        if (clientIp == null) {
          e.remove("REMOTE_ADDR");
        } else {
          e.put("REMOTE_ADDR", clientIp);
        }
      }
      if (e.size() > 0) {
        o.set("env", e);
      }
    }
    if (o.size() > 0) {
      out.set("request", o);
    }
  }

  /** Query as a raw string: strings kept, objects and pair lists re-encoded. */
  static String queryString(JsonNode q) {
    if (q == null || q.isNull()) {
      return null;
    }
    if (!q.isContainerNode()) {
      return Json.scalarText(q);
    }
    List<String> parts = new ArrayList<>();
    if (q.isObject()) {
      q.fields().forEachRemaining(e -> parts.add(enc(e.getKey()) + "=" + enc(valueText(e.getValue()))));
    } else {
      for (JsonNode p : q) {
        if (p.isArray() && p.size() == 2) {
          parts.add(enc(valueText(p.get(0))) + "=" + enc(valueText(p.get(1))));
        }
      }
    }
    return String.join("&", parts);
  }

  private static String valueText(JsonNode v) {
    String s = Json.anyText(v);
    return s == null ? "" : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Header pairs from a dict (sorted by name) or a pair list (order kept). */
  static List<String[]> headers(JsonNode raw, EventErrors errors) {
    List<String[]> out = new ArrayList<>();
    if (Json.isEmpty(raw)) {
      return out;
    }
    if (raw.isObject()) {
      Map<String, String> sorted = new TreeMap<>();
      raw.fields().forEachRemaining(e -> {
        String v = headerValue(e.getValue());
        if (v != null) {
          sorted.putIfAbsent(titleCase(e.getKey()), v);
        }
      });
      sorted.forEach((k, v) -> out.add(new String[] {k, v}));
    } else if (raw.isArray()) {
      for (JsonNode p : raw) {
        if (p.isArray() && p.size() == 2 && Json.scalarText(p.get(0)) != null) {
          String v = headerValue(p.get(1));
          if (v != null) {
            out.add(new String[] {titleCase(Json.scalarText(p.get(0))), v});
          }
        }
      }
    } else {
      errors.invalidData("request.headers", raw, "expected headers");
    }
    return out;
  }

  private static String headerValue(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(x -> {
        String s = Json.anyText(x);
        if (s != null) {
          parts.add(s);
        }
      });
      return String.join(", ", parts);
    }
    return Json.anyText(v);
  }

  static String titleCase(String name) {
    String[] parts = name.trim().split("-", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append('-');
      }
      String p = parts[i];
      if (!p.isEmpty()) {
        b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** Cookies from a {@code a=b; c=d} string, a dict (sorted) or a pair list. */
  static List<String[]> cookies(JsonNode raw) {
    List<String[]> out = new ArrayList<>();
    if (Json.isEmpty(raw)) {
      return out;
    }
    if (raw.isTextual()) {
      for (String part : raw.textValue().split(";")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        int eq = p.indexOf('=');
        out.add(eq < 0 ? new String[] {p, ""}
            : new String[] {p.substring(0, eq).trim(), p.substring(eq + 1).trim()});
      }
    } else if (raw.isObject()) {
      new TreeMap<String, JsonNode>(toMap(raw)).forEach((k, v) -> {
        String s = Json.anyText(v);
        if (s != null) {
          out.add(new String[] {k, s});
        }
      });
    } else if (raw.isArray()) {
      for (JsonNode p : raw) {
        if (p.isArray() && p.size() == 2 && Json.scalarText(p.get(0)) != null) {
          String v = Json.anyText(p.get(1));
          out.add(new String[] {Json.scalarText(p.get(0)), v == null ? "" : v});
        }
      }
    }
    return out;
  }

  private static Map<String, JsonNode> toMap(JsonNode obj) {
    Map<String, JsonNode> m = new TreeMap<>();
    obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** The body and {@code inferred_content_type}. */
  static void body(JsonNode data, String contentType, ObjectNode o) {
    String mime = contentType == null ? null
        : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (data == null || data.isNull() || (data.isTextual() && data.textValue().isEmpty())) {
      // Sentry reports the declared type even for a bodiless request (`text/plain` for Django's
      // GET requests in its answers).
      Json.putText(o, "inferred_content_type", mime == null || mime.isEmpty() ? null : mime);
      return;
    }
    if (data.isTextual()) {
      String s = data.textValue();
      JsonNode json = parseJson(s);
      if (json != null) {
        o.set("data", Trimming.databag(json, Trimming.DEPTH_REQUEST));
        o.put("inferred_content_type", "application/json");
        return;
      }
      ObjectNode form = parseForm(s);
      if (form != null) {
        o.set("data", form);
        o.put("inferred_content_type", "application/x-www-form-urlencoded");
        return;
      }
      o.put("data", s);
      Json.putText(o, "inferred_content_type", mime);
      return;
    }
    o.set("data", Trimming.databag(data, Trimming.DEPTH_REQUEST));
    o.put("inferred_content_type", mime != null ? mime
        : data.isContainerNode() ? "application/json" : "text/plain");
  }

  private static JsonNode parseJson(String s) {
    String t = s.trim();
    if (!(t.startsWith("{") || t.startsWith("["))) {
      return null;
    }
    try {
      JsonNode n = Json.MAPPER.readTree(t);
      return n != null && n.isContainerNode() ? n : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** Strict form decoding: every part must be {@code name=value} with a non-empty name. */
  private static ObjectNode parseForm(String s) {
    if (s.isBlank() || s.indexOf('=') < 0) {
      return null;
    }
    ObjectNode form = Json.obj();
    for (String part : s.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return null;
      }
      try {
        String k = URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8);
        String v = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        JsonNode existing = form.get(k);
        ArrayNode list = existing instanceof ArrayNode ? (ArrayNode) existing : form.putArray(k);
        list.add(v);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return form.size() > 0 ? form : null;
  }
}

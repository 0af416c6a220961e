package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Formats a log template with its params: Python {@code %s}/{@code %d}/{@code %(name)s} when the
 * template contains {@code %}, otherwise curly {@code {}}/{@code {0}}/{@code {name}}. Returns null
 * when the template cannot be filled (Sentry then leaves {@code formatted} empty).
 */
final class MessageFormatter {
  private MessageFormatter() {}

  static String format(String template, JsonNode params) {
    try {
      if (template.indexOf('%') >= 0) {
        return percent(template, params);
      }
      if (template.indexOf('{') >= 0) {
        return curly(template, params);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static String percent(String t, JsonNode params) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= t.length()) {
        throw new IllegalArgumentException("dangling %");
      }
      JsonNode value;
      int j = i + 1;
      if (t.charAt(j) == '%') {
        out.append('%');
        i = j + 1;
        continue;
      }
      if (t.charAt(j) == '(') {
        int close = t.indexOf(')', j);
        if (close < 0 || !params.isObject()) {
          throw new IllegalArgumentException("bad named placeholder");
        }
        value = require(params.get(t.substring(j + 1, close)));
        j = close + 1;
      } else {
        if (!params.isArray()) {
          throw new IllegalArgumentException("positional needs a list");
        }
        value = require(params.get(next++));
      }
      while (j < t.length() && "-+ #0123456789.".indexOf(t.charAt(j)) >= 0) {
        j++;
      }
      if (j >= t.length()) {
        throw new IllegalArgumentException("missing conversion");
      }
      out.append(convert(t.charAt(j), value));
      i = j + 1;
    }
    return out.toString();
  }

  private static String convert(char conv, JsonNode v) {
    switch (conv) {
      case 'd':
      case 'i':
        return v.isNumber() ? Long.toString(v.longValue()) : display(v);
      case 's':
      case 'r':
      case 'f':
      case 'g':
      case 'x':
        return display(v);
      default:
        throw new IllegalArgumentException("unsupported conversion " + conv);
    }
  }

  private static String curly(String t, JsonNode params) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '{' && i + 1 < t.length() && t.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < t.length() && t.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int close = t.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed {");
        }
        String key = t.substring(i + 1, close);
        int colon = key.indexOf(':');
        if (colon >= 0) {
          key = key.substring(0, colon);
        }
        JsonNode value;
        if (key.isEmpty()) {
          value = params.isArray() ? params.get(next++) : null;
        } else if (key.chars().allMatch(Character::isDigit) && params.isArray()) {
          value = params.get(Integer.parseInt(key));
        } else {
          value = params.isObject() ? params.get(key) : null;
        }
        out.append(display(require(value)));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static JsonNode require(JsonNode v) {
    if (v == null) {
      throw new IllegalArgumentException("missing param");
    }
    return v;
  }

  private static String display(JsonNode v) {
    if (v.isNull()) {
      return "None";
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    String s = Json.anyText(v);
    return s == null ? "" : s;
  }
}

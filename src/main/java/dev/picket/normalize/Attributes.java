package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Simple top-level fields (§5.4): platform, level, logger, culprit, transaction, release, dist,
 * environment. Invalid values are dropped (and defaulted where Sentry has a default) with an error.
 */
final class Attributes {
  static final Set<String> PLATFORMS = Set.of(
      "as3", "c", "cfml", "cocoa", "csharp", "dart", "elixir", "haskell", "go", "groovy", "java",
      "javascript", "native", "node", "objc", "other", "perl", "php", "python", "ruby");

  private Attributes() {}

  static void platform(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("platform");
    String p = Json.text(raw);
    String norm = p == null ? null : p.trim().toLowerCase(Locale.ROOT);
    if (norm != null && PLATFORMS.contains(norm)) {
      out.put("platform", norm);
      return;
    }
    if (!Json.isEmpty(raw)) {
      errors.invalidData("platform", raw, "invalid platform");
    }
    out.put("platform", "other");
  }

  static void level(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("level");
    String level = Levels.parse(raw);
    if (level == null && !Json.isEmpty(raw)) {
      errors.invalidData("level", raw, "invalid level");
    }
    out.put("level", level == null ? "error" : level);
  }

  static void logger(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("logger");
    String logger = stringField("logger", raw, errors);
    if (logger == null) {
      out.put("logger", "");
      return;
    }
    logger = logger.trim();
    if (logger.indexOf('\n') >= 0 || logger.indexOf('\r') >= 0) {
      errors.invalidData("logger", raw, "invalid character in logger");
      logger = "";
    } else if (logger.length() > Trimming.LOGGER) {
      logger = "java".equals(out.path("platform").asText()) ? shortenJava(logger)
          : Trimming.truncate(logger, Trimming.LOGGER);
    }
    out.put("logger", logger);
  }

  /** Java loggers keep their last dotted segments: {@code *...service.Foo}. */
  static String shortenJava(String logger) {
    int limit = Trimming.LOGGER - 1;
    String tail = logger.substring(logger.length() - limit);
    int dot = tail.indexOf('.');
    if (dot >= 0 && dot + 1 < tail.length()) {
      tail = tail.substring(dot + 1);
    }
    return "*" + tail;
  }

  /** culprit, transaction: strings cut at 200 characters. */
  static void shortText(ObjectNode in, ObjectNode out, String key, int max, EventErrors errors) {
    String s = stringField(key, in.get(key), errors);
    if (s != null && !s.isBlank()) {
      out.put(key, Trimming.truncate(s, max));
    }
  }

  static void release(ObjectNode in, ObjectNode out, EventErrors errors) {
    validatedName(in, out, "release", Trimming.RELEASE, errors);
  }

  static void environment(ObjectNode in, ObjectNode out, EventErrors errors) {
    validatedName(in, out, "environment", Trimming.ENVIRONMENT, errors);
  }

  static void dist(ObjectNode in, ObjectNode out, EventErrors errors) {
    JsonNode raw = in.get("dist");
    String dist = stringField("dist", raw, errors);
    if (dist == null || dist.isBlank()) {
      return;
    }
    dist = dist.trim();
    if (dist.length() > Trimming.DIST) {
      errors.valueTooLong("dist", raw);
      return;
    }
    out.put("dist", dist);
  }

  private static void validatedName(ObjectNode in, ObjectNode out, String key, int max,
      EventErrors errors) {
    JsonNode raw = in.get(key);
    String value = stringField(key, raw, errors);
    if (value == null) {
      return;
    }
    value = value.trim();
    if (value.isEmpty()) {
      return;
    }
    if (value.length() > max) {
      errors.valueTooLong(key, raw);
    } else if (value.equals(".") || value.equals("..") || value.matches(".*[\\n\\r\\t\\f/\\\\].*")) {
      errors.invalidData(key, raw, "invalid " + key);
    } else {
      out.put(key, value);
    }
  }

  /** A string value; numbers and booleans stringified; containers rejected with an error. */
  static String stringField(String name, JsonNode raw, EventErrors errors) {
    if (raw == null || raw.isNull() || raw.isMissingNode()) {
      return null;
    }
    if (raw.isContainerNode()) {
      errors.invalidData(name, raw, "expected a string");
      return null;
    }
    return Json.scalarText(raw);
  }
}

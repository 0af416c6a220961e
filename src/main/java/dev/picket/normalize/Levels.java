package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/** Sentry levels: names, aliases ({@code log}, {@code critical}) and Python numeric levels. */
final class Levels {
  private static final Map<String, String> NAMES = Map.of(
      "debug", "debug", "info", "info", "log", "info", "warning", "warning", "warn", "warning",
      "error", "error", "fatal", "fatal", "critical", "fatal");
  private static final Map<Integer, String> NUMERIC = Map.of(
      10, "debug", 20, "info", 30, "warning", 40, "error", 50, "fatal");

  private Levels() {}

  /** The canonical level, or null if {@code raw} is not a level. */
  static String parse(JsonNode raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isIntegralNumber()) {
      return NUMERIC.get(raw.intValue());
    }
    if (!raw.isTextual()) {
      return null;
    }
    String s = raw.textValue().trim().toLowerCase(Locale.ROOT);
    if (s.matches("\\d{2}")) {
      return NUMERIC.get(Integer.parseInt(s));
    }
    return NAMES.get(s);
  }
}

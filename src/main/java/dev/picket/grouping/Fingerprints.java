package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Client fingerprints (§6.10): default ({@code ["{{ default }}"]} or absent), hybrid (default plus
 * other entries) or custom (no default). Entries are used literally; only {@code {{ default }}}
 * is a variable (as in Sentry 9).
 */
final class Fingerprints {
  private static final Pattern DEFAULT = Pattern.compile("\\{\\{\\s*default\\s*\\}\\}");

  enum Kind { DEFAULT, HYBRID, CUSTOM }

  private Fingerprints() {}

  static List<String> entries(JsonNode fingerprint) {
    List<String> out = new ArrayList<>();
    if (fingerprint != null && fingerprint.isArray()) {
      fingerprint.forEach(e -> out.add(e.isTextual() ? e.textValue() : e.toString()));
    }
    return out;
  }

  static boolean isDefault(String entry) {
    return DEFAULT.matcher(entry).matches();
  }

  static Kind kind(List<String> entries) {
    if (entries.isEmpty()) {
      return Kind.DEFAULT;
    }
    long defaults = entries.stream().filter(Fingerprints::isDefault).count();
    if (defaults == 0) {
      return Kind.CUSTOM;
    }
    return entries.size() == 1 ? Kind.DEFAULT : Kind.HYBRID;
  }

  /** The fingerprint with each {@code {{ default }}} entry replaced by {@code values}. */
  static List<String> splice(List<String> entries, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String e : entries) {
      if (isDefault(e)) {
        out.addAll(values);
      } else {
        out.add(e);
      }
    }
    return out;
  }
}

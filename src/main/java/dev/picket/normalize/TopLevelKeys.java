package dev.picket.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-level keys: legacy interface aliases renamed to canonical keys (§5.5) before anything else,
 * and, at the end, unknown keys reported as {@code invalid_attribute} (§5.11).
 */
final class TopLevelKeys {
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("sentry.interfaces.Message", "logentry"),
      Map.entry("sentry.interfaces.Exception", "exception"),
      Map.entry("sentry.interfaces.Stacktrace", "stacktrace"),
      Map.entry("sentry.interfaces.Template", "template"),
      Map.entry("sentry.interfaces.User", "user"),
      Map.entry("sentry.interfaces.Http", "request"),
      Map.entry("sentry.interfaces.Contexts", "contexts"),
      Map.entry("sentry.interfaces.Breadcrumbs", "breadcrumbs"),
      Map.entry("sentry.interfaces.Csp", "csp"),
      Map.entry("sentry.interfaces.Threads", "threads"),
      Map.entry("sentry.interfaces.DebugMeta", "debug_meta"));

  /** Keys a normalization step consumes. */
  static final Set<String> KNOWN = Set.of(
      "event_id", "timestamp", "platform", "level", "logger", "type", "culprit", "transaction",
      "release", "dist", "environment", "server_name", "site", "message", "logentry", "exception",
      "stacktrace", "threads", "template", "breadcrumbs", "request", "user", "contexts", "tags",
      "extra", "modules", "sdk", "fingerprint", "checksum");

  /** Known keys kept as free-form data (interfaces Picket stores but does not interpret). */
  static final Set<String> PASS_THROUGH = Set.of(
      "debug_meta", "transaction_info", "csp", "hpkp", "expectct", "expectstaple", "spans",
      "measurements", "breakdowns", "start_timestamp");

  /** Keys Sentry fills itself or that are legacy: dropped without an error. */
  static final Set<String> SILENT = Set.of(
      "metadata", "hashes", "applecrashreport", "device", "repos", "query", "project", "key_id",
      "version", "time_spent", "_meta", "received", "errors", "grouping_config", "title",
      "location", "sentry.interfaces.Query", "_metrics", "_dsc", "scraping_attempts", "sentry_client");

  private TopLevelKeys() {}

  static void renameAliases(ObjectNode in) {
    for (Map.Entry<String, String> a : ALIASES.entrySet()) {
      if (in.has(a.getKey())) {
        var value = in.remove(a.getKey());
        if (!in.has(a.getValue()) || in.get(a.getValue()).isNull()) {
          in.set(a.getValue(), value);
        }
      }
    }
  }

  static void passThrough(ObjectNode in, ObjectNode out) {
    for (String key : PASS_THROUGH) {
      if (!Json.isEmpty(in.get(key))) {
        out.set(key, Trimming.databag(in.get(key), Trimming.DEPTH_EXTRA));
      }
    }
  }

  static void reportUnknown(ObjectNode in, EventErrors errors) {
    List<String> unknown = new ArrayList<>();
    in.fieldNames().forEachRemaining(k -> {
      if (!KNOWN.contains(k) && !PASS_THROUGH.contains(k) && !SILENT.contains(k)) {
        unknown.add(k);
      }
    });
    unknown.forEach(errors::invalidAttribute);
  }
}

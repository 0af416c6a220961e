package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protocol timestamps (ISO-8601 with any fraction and optional zone, or epoch numbers) and the
 * event's {@code timestamp}/{@code received} with clock-drift, future and past handling (§5.3).
 */
final class Timestamps {
  static final Duration MAX_FUTURE = Duration.ofSeconds(60);
  static final Duration MAX_PAST = Duration.ofDays(30);
  static final Duration DRIFT_THRESHOLD = Duration.ofMinutes(55);

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?"
          + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

  private Timestamps() {}

  /** Epoch seconds (microsecond precision) or null when the value is not a timestamp. */
  static Double parse(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isNumber()) {
      return finite(n.doubleValue());
    }
    if (!n.isTextual()) {
      return null;
    }
    String s = n.textValue().trim();
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return parseIso(m);
    }
    try {
      return finite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseIso(Matcher m) {
    try {
      LocalDateTime local = LocalDateTime.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      String frac = m.group(7) == null ? "" : m.group(7);
      String nanos = (frac + "000000000").substring(0, 9);
      ZoneOffset zone = ZoneOffset.UTC;
      String z = m.group(8);
      if (z != null && !z.equalsIgnoreCase("Z")) {
        String digits = z.replace(":", "");
        zone = ZoneOffset.ofHoursMinutes(
            Integer.parseInt(digits.substring(0, 3)),
            digits.length() > 3 ? Integer.parseInt(digits.charAt(0) + digits.substring(3)) : 0);
      }
      long epoch = local.toEpochSecond(zone);
      return round(epoch + Integer.parseInt(nanos) / 1e9);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Double finite(double d) {
    return Double.isFinite(d) && d >= 0 ? round(d) : null;
  }

  static double round(double seconds) {
    return Math.round(seconds * 1e6) / 1e6;
  }

  static double epoch(Instant i) {
    return round(i.getEpochSecond() + i.getNano() / 1e9);
  }

  static String iso(double epochSeconds) {
    long micros = Math.round(epochSeconds * 1e6);
    Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1000L);
    return DateTimeFormatter.ISO_INSTANT.format(i);
  }

  /**
   * Sets {@code timestamp} and {@code received} on {@code out} and returns the shift in seconds
   * that was applied to the SDK's clock (0 when none); breadcrumb timestamps get the same shift.
   */
  static double apply(ObjectNode in, ObjectNode out, IngestContext ctx, EventErrors errors) {
    double received = epoch(ctx.received());
    JsonNode raw = in.get("timestamp");
    Double ts = parse(raw);
    if (ts == null && !Json.isEmpty(raw)) {
      errors.invalidData("timestamp", raw, "expected a timestamp");
    }
    double shift = 0;
    if (ts != null && ctx.sentAt() != null) {
      double sent = epoch(ctx.sentAt());
      if (Math.abs(received - sent) >= DRIFT_THRESHOLD.toSeconds()) {
        shift = received - sent;
        drift(errors, "clock_drift", sent, received);
        ts = round(ts + shift);
      }
    }
    if (ts != null && ts > received + MAX_FUTURE.toSeconds()) {
      drift(errors, "future_timestamp", ts, received);
      shift += received - ts;
      ts = received;
    } else if (ts != null && ts < received - MAX_PAST.toSeconds()) {
      drift(errors, "past_timestamp", ts, received);
      shift += received - ts;
      ts = received;
    }
    out.put("timestamp", ts == null ? received : ts);
    out.put("received", received);
    return shift;
  }

  private static void drift(EventErrors errors, String kind, double sdkTime, double serverTime) {
    errors.add(kind, "timestamp", null)
        .put("sdk_time", iso(sdkTime))
        .put("server_time", iso(serverTime));
  }
}

package dev.picket.http.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Sentry 9's API date forms: whole seconds for event dates, milliseconds for breadcrumbs. */
final class ApiDates {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ApiDates() {}

  static String seconds(Instant instant) {
    return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Milliseconds when the instant has a fraction, else whole seconds (DRF 2.4's rule). */
  static String millis(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.MILLIS);
    return truncated.getNano() == 0 ? SECONDS.format(truncated) : MILLIS.format(truncated);
  }

  /**
   * Epoch seconds rounded to the millisecond, as Sentry stores breadcrumb times
   * ({@code 16:03:21.362913} is shown as {@code 16:03:21.363Z}).
   */
  static Instant fromEpochMillis(double seconds) {
    return Instant.ofEpochMilli(Math.round(seconds * 1000d));
  }

  static Instant fromEpochSeconds(double seconds) {
    long micros = Math.round(seconds * 1_000_000d);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}

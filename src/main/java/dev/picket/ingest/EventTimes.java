package dev.picket.ingest;

import java.time.Instant;

/** Converts the stored epoch-seconds timestamps to instants, keeping microseconds. */
final class EventTimes {
  private EventTimes() {}

  static Instant instant(double epochSeconds) {
    long micros = Math.round(epochSeconds * 1_000_000d);
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}

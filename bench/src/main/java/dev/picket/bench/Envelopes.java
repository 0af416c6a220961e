package dev.picket.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Makes envelope request bodies from one {@link EventJson} template: copies it, writes a fresh
 * event id, the current time and the issue number into the placeholders, and gzips it (level 1, to
 * spend little of the shared CPU) when asked. Thread-safe.
 */
final class Envelopes {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final byte[] template;
  private final int[] idAt;
  private final int[] tsAt;
  private final int[] issueAt;
  private final int eventBytes;
  private final boolean gzip;

  /** An envelope, the uncompressed event JSON length, and the event id sent. */
  record Body(byte[] bytes, int eventBytes, String eventId) {}

  Envelopes(int targetEventBytes, boolean gzip) {
    String event = EventJson.build(targetEventBytes);
    this.eventBytes = event.getBytes(StandardCharsets.UTF_8).length;
    String envelope = "{\"event_id\":\"" + EventJson.ID + "\",\"sent_at\":\"" + EventJson.TS + "\","
        + "\"sdk\":{\"name\":\"sentry.python\",\"version\":\"2.19.0\"}}\n"
        + "{\"type\":\"event\",\"length\":" + eventBytes + ",\"content_type\":\"application/json\"}\n"
        + event + "\n";
    this.template = envelope.getBytes(StandardCharsets.UTF_8);
    this.idAt = find(EventJson.ID);
    this.tsAt = find(EventJson.TS);
    this.issueAt = find(EventJson.ISSUE);
    this.gzip = gzip;
  }

  int eventBytes() {
    return eventBytes;
  }

  Body make(long issue) {
    byte[] b = template.clone();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String id = hex(r.nextLong()) + hex(r.nextLong());
    String ts = TIME.format(Instant.now());
    String is = String.format("%07d", issue % 10_000_000);
    put(b, idAt, id);
    put(b, tsAt, ts);
    put(b, issueAt, is);
    return new Body(gzip ? gzip(b) : b, eventBytes, id);
  }

  private static String hex(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }

  private static void put(byte[] b, int[] at, String value) {
    for (int pos : at) {
      for (int i = 0; i < value.length(); i++) {
        b[pos + i] = (byte) value.charAt(i);
      }
    }
  }

  private int[] find(String marker) {
    byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
    List<Integer> found = new ArrayList<>();
    outer:
    for (int i = 0; i <= template.length - m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        if (template[i + j] != m[j]) {
          continue outer;
        }
      }
      found.add(i);
      i += m.length - 1;
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    }) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

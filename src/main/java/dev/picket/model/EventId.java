package dev.picket.model;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A Sentry event id: 32 lowercase hex characters (a UUID without dashes). */
public record EventId(String hex) implements Comparable<EventId> {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");

  public EventId {
    if (hex == null || !HEX32.matcher(hex).matches()) {
      throw new IllegalArgumentException("event id must be 32 lowercase hex characters");
    }
  }

  /** Parses the wire forms SDKs send: 32 hex or 36 with dashes, any case. */
  public static Optional<EventId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.length() == 36 && s.charAt(8) == '-' && s.charAt(13) == '-' && s.charAt(18) == '-'
        && s.charAt(23) == '-') {
      s = s.replace("-", "");
    }
    return HEX32.matcher(s).matches() ? Optional.of(new EventId(s)) : Optional.empty();
  }

  public static EventId random() {
    return new EventId(UUID.randomUUID().toString().replace("-", ""));
  }

  @Override
  public int compareTo(EventId other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}

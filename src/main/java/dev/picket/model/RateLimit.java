package dev.picket.model;

/** At most {@code count} events per {@code windowSeconds} (Sentry's key {@code rateLimit}). */
public record RateLimit(int windowSeconds, int count) {
  public RateLimit {
    if (windowSeconds < 1 || count < 0) {
      throw new IllegalArgumentException("a rate limit needs a window of at least 1 s and a count >= 0");
    }
  }
}

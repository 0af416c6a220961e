package dev.picket.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers for a short time what a DSN key authorizes (its key row and project), so an error storm does not cost
 * two database reads per event. Only successful look-ups are kept, each for {@code ttlNanos}: a
 * deactivated key or a changed grouping config takes effect within that time. Bounded: when full
 * it is emptied. Thread-safe.
 */
final class KeyCache<T> {
  static final long DEFAULT_TTL_NANOS = 1_000_000_000L;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry<T>(T value, long expires) {}

  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;

  KeyCache(long ttlNanos) {
    this.ttlNanos = ttlNanos;
  }

  /** The cached value for the key and project id, else {@code lookUp} (cached when present). */
  Optional<T> get(String publicKey, long projectId, Supplier<Optional<T>> lookUp) {
    if (ttlNanos <= 0) {
      return lookUp.get();
    }
    String id = projectId + ":" + publicKey;
    long now = System.nanoTime();
    Entry<T> hit = entries.get(id);
    if (hit != null && now - hit.expires() < 0) {
      return Optional.of(hit.value());
    }
    Optional<T> found = lookUp.get();
    if (found.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(id, new Entry<>(found.get(), now + ttlNanos));
    } else {
      entries.remove(id);
    }
    return found;
  }
}

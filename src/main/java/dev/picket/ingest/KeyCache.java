package dev.picket.ingest;

import dev.picket.model.Project;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers for a short time which project a DSN key authorizes, so an error storm does not cost
 * two database reads per event. Only successful look-ups are kept, each for {@code ttlNanos}: a
 * deactivated key or a changed grouping config takes effect within that time. Bounded: when full
 * it is emptied. Thread-safe.
 */
final class KeyCache {
  static final long DEFAULT_TTL_NANOS = 1_000_000_000L;
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Project project, long expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;

  KeyCache(long ttlNanos) {
    this.ttlNanos = ttlNanos;
  }

  /** The cached project for the key and project id, else {@code lookUp} (cached when present). */
  Optional<Project> get(String publicKey, long projectId, Supplier<Optional<Project>> lookUp) {
    if (ttlNanos <= 0) {
      return lookUp.get();
    }
    String id = projectId + ":" + publicKey;
    long now = System.nanoTime();
    Entry hit = entries.get(id);
    if (hit != null && now - hit.expires() < 0) {
      return Optional.of(hit.project());
    }
    Optional<Project> found = lookUp.get();
    if (found.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(id, new Entry(found.get(), now + ttlNanos));
    } else {
      entries.remove(id);
    }
    return found;
  }
}

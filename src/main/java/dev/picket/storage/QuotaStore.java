package dev.picket.storage;

/**
 * Fixed-window counters for rate limits, kept in the database so that they hold across several
 * Picket nodes on one PostgreSQL.
 */
public interface QuotaStore {
  /**
   * Adds one to the counter's window starting at {@code windowStart} (epoch seconds) and returns
   * the count after the addition. Atomic under concurrent callers, also across processes. Older
   * windows of the same counter are forgotten.
   */
  long increment(String counter, long windowStart);
}

package dev.picket.storage.jdbc;

import dev.picket.storage.QuotaStore;

/** {@link QuotaStore} as one upsert per increment: atomic in both SQLite and PostgreSQL. */
final class JdbcQuotaStore implements QuotaStore {
  private final Database db;

  JdbcQuotaStore(Database db) {
    this.db = db;
  }

  @Override
  public long increment(String counter, long windowStart) {
    return db.writeRetrying("count towards a rate limit", h -> {
      long count = h.createQuery("INSERT INTO quota_counter (counter, window_start, count)"
              + " VALUES (:counter, :start, 1)"
              + " ON CONFLICT (counter, window_start) DO UPDATE SET count = quota_counter.count + 1"
              + " RETURNING count")
          .bind("counter", counter)
          .bind("start", windowStart)
          .mapTo(Long.class)
          .one();
      if (count == 1) {
        h.createUpdate("DELETE FROM quota_counter WHERE counter = :counter AND window_start < :start")
            .bind("counter", counter)
            .bind("start", windowStart)
            .execute();
      }
      return count;
    });
  }
}

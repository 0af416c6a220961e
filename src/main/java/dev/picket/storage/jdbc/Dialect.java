package dev.picket.storage.jdbc;

import java.sql.SQLException;
import java.util.Set;

/** The few differences between the supported databases. */
public enum Dialect {
  SQLITE("classpath:db/migration/sqlite"),
  POSTGRESQL("classpath:db/migration/postgresql");

  /** PostgreSQL SQLSTATEs after which the whole transaction can simply be tried again. */
  private static final Set<String> PG_RETRYABLE =
      Set.of("40001" /* serialization_failure */, "40P01" /* deadlock_detected */,
          "23505" /* unique_violation: a concurrent writer won the race */);

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The Flyway location of this dialect's migrations. */
  public String migrations() {
    return migrations;
  }

  /**
   * Whether a failed write transaction may succeed when run again because it lost a race to
   * another writer. SQLite serializes writers (BEGIN IMMEDIATE with a busy timeout), so a busy
   * error there already waited long enough and is not retried.
   */
  boolean isRetryable(Throwable failure) {
    if (this != POSTGRESQL) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && PG_RETRYABLE.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

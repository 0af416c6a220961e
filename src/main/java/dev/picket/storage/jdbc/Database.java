package dev.picket.storage.jdbc;

import dev.picket.storage.StorageException;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs reads and write transactions and turns every database failure into a
 * {@link StorageException} whose message names only what was being done, never SQL or values.
 */
final class Database {
  private static final int MAX_ATTEMPTS = 10;

  private final Jdbi jdbi;
  private final Dialect dialect;

  Database(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} on a handle in autocommit mode (no transaction). */
  <T> T read(String what, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw new StorageException("could not " + what, e);
    }
  }

  /** Runs {@code work} in one transaction; it commits when {@code work} returns. */
  <T> T write(String what, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw new StorageException("could not " + what, e);
    }
  }

  /**
   * Like {@link #write}, but runs the whole transaction again when it lost a race to a concurrent
   * writer (another node on the same PostgreSQL): a serialization failure, a deadlock, a unique
   * violation, or {@link LostRace} thrown by {@code work}. {@code work} must therefore be
   * repeatable.
   */
  <T> T writeRetrying(String what, HandleCallback<T, RuntimeException> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(work);
      } catch (LostRace | JdbiException e) {
        boolean retryable = e instanceof LostRace || dialect.isRetryable(e);
        if (!retryable || attempt >= MAX_ATTEMPTS) {
          throw new StorageException("could not " + what, e);
        }
        backOff(attempt, what, e);
      }
    }
  }

  private static void backOff(int attempt, String what, RuntimeException cause) {
    long maxMillis = Math.min(100, 2L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, maxMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying to " + what, cause);
    }
  }

  /** Thrown inside a retrying transaction when a concurrent writer got there first. */
  static final class LostRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostRace(String message) {
      super(message, null, false, false);
    }
  }
}

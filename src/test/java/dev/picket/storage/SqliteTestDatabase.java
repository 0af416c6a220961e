package dev.picket.storage;

import dev.picket.storage.sqlite.SqliteStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SQLite storage per test JVM in a temporary folder, shared by the SQLite contract tests the
 * way {@link PostgresTestDatabase} is shared by the PostgreSQL ones; tests isolate by creating
 * their own organizations and projects.
 */
final class SqliteTestDatabase {
  private static Storage storage;

  private SqliteTestDatabase() {}

  static synchronized Storage storage() {
    if (storage == null) {
      try {
        Path dir = Files.createTempDirectory("picket-sqlite-contract");
        storage = SqliteStorage.open(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(storage::close, "sqlite-contract-close"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return storage;
  }
}

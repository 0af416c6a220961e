package dev.picket.storage.jdbc;

import dev.picket.storage.Storage;
import dev.picket.storage.postgres.PostgresStorage;
import dev.picket.storage.sqlite.SqliteStorage;
import java.nio.file.Path;

/** Chooses the backend: PostgreSQL when a database URL is given, else SQLite in the data folder. */
public final class Storages {
  private Storages() {}

  public static Storage open(String databaseUrlOrNull, Path dataDir) {
    if (databaseUrlOrNull != null && !databaseUrlOrNull.isBlank()) {
      return PostgresStorage.open(databaseUrlOrNull.trim());
    }
    return SqliteStorage.open(dataDir);
  }
}

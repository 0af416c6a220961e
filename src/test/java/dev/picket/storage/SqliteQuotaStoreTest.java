package dev.picket.storage;

import dev.picket.storage.sqlite.SqliteStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteQuotaStoreTest extends QuotaStoreContract {
  @TempDir static Path dir;
  private static Storage storage;
  private static Storage second;

  @BeforeAll
  static void open() {
    storage = SqliteStorage.open(dir);
    second = SqliteStorage.open(dir);
  }

  @AfterAll
  static void close() {
    second.close();
    storage.close();
  }

  @Override
  protected Storage storage() {
    return storage;
  }

  @Override
  protected Storage anotherNode() {
    return second;
  }
}

package dev.picket.storage;

import dev.picket.storage.sqlite.SqliteStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class SqliteReleaseStoreTest extends ReleaseStoreContract {
  @TempDir static Path dir;
  private static Storage storage;

  @BeforeAll
  static void open() {
    storage = SqliteStorage.open(dir);
  }

  @AfterAll
  static void close() {
    storage.close();
  }

  @Override
  protected Storage storage() {
    return storage;
  }
}

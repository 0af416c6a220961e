package dev.picket.storage;

class PostgresStorageTest extends StorageContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

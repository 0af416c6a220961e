package dev.picket.storage;

class SqliteReleaseStoreTest extends ReleaseStoreContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

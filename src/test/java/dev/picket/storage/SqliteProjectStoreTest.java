package dev.picket.storage;

class SqliteProjectStoreTest extends ProjectStoreContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

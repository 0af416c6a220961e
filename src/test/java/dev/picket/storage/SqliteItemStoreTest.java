package dev.picket.storage;

class SqliteItemStoreTest extends ItemStoreContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

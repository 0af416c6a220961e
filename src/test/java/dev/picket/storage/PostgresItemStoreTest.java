package dev.picket.storage;

class PostgresItemStoreTest extends ItemStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

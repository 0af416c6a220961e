package dev.picket.storage;

class SqliteAuthStoreTest extends AuthStoreContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

package dev.picket.storage;

class PostgresReleaseStoreTest extends ReleaseStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

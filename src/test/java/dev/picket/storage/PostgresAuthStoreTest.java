package dev.picket.storage;

class PostgresAuthStoreTest extends AuthStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

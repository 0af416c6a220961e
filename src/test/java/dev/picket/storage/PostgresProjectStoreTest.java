package dev.picket.storage;

class PostgresProjectStoreTest extends ProjectStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

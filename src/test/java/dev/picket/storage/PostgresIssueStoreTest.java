package dev.picket.storage;

class PostgresIssueStoreTest extends IssueStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

package dev.picket.storage;

class SqliteIssueStoreTest extends IssueStoreContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

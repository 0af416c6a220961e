package dev.picket.storage;

class SqliteIssueLifecycleTest extends IssueLifecycleContract {
  @Override
  protected Storage storage() {
    return SqliteTestDatabase.storage();
  }
}

package dev.picket.storage;

class PostgresIssueLifecycleTest extends IssueLifecycleContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }
}

package dev.picket.storage;

import org.junit.jupiter.api.AfterAll;

class PostgresQuotaStoreTest extends QuotaStoreContract {
  private static Storage second;

  @AfterAll
  static void close() {
    if (second != null) {
      second.close();
    }
  }

  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }

  @Override
  protected synchronized Storage anotherNode() {
    if (second == null) {
      second = PostgresTestDatabase.anotherNode();
    }
    return second;
  }
}

package dev.picket.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresEventStoreTest extends EventStoreContract {
  @Override
  protected Storage storage() {
    return PostgresTestDatabase.storage();
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return PostgresTestDatabase.rawConnection();
  }

  @Test
  void twoNodesWritingTheSameNewHashEndInOneIssue() throws Exception {
    try (Storage otherNode = PostgresTestDatabase.anotherNode()) {
      concurrentWritersEndInOneIssue(storage(), otherNode);
    }
  }
}

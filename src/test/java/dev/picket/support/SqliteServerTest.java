package dev.picket.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of HTTP tests: one real Picket on port 0 with a fresh SQLite folder per test class. */
public abstract class SqliteServerTest {
  @TempDir protected static Path dataDir;
  protected static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.sqlite(dataDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}

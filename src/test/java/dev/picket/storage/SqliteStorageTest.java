package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.model.Project;
import dev.picket.model.SavedEvent;
import dev.picket.storage.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite backend promises: its file, its pragmas, several processes on one file. */
class SqliteStorageTest {
  @TempDir Path dir;

  @Test
  void createsTheFolderAndTheDatabaseInWalMode() throws Exception {
    Path dataDir = dir.resolve("nested/data");
    try (Storage storage = SqliteStorage.open(dataDir)) {
      storage.check();
    }
    assertThat(dataDir.resolve(SqliteStorage.FILE_NAME)).isRegularFile();
    try (Connection c = DriverManager.getConnection(
            "jdbc:sqlite:" + dataDir.resolve(SqliteStorage.FILE_NAME));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void reopeningKeepsTheData() {
    long projectId;
    try (Storage storage = SqliteStorage.open(dir)) {
      projectId = newProject(storage).id();
    }
    try (Storage storage = SqliteStorage.open(dir)) {
      assertThat(storage.projects().findProject(projectId)).isPresent();
    }
  }

  @Test
  void checkFailsOnceClosed() {
    Storage storage = SqliteStorage.open(dir);
    storage.close();
    assertThatThrownBy(storage::check).isInstanceOf(StorageException.class);
  }

  @Test
  void foreignKeysAreEnforced() {
    try (Storage storage = SqliteStorage.open(dir)) {
      assertThatThrownBy(() -> storage.projects().createTeam(Long.MAX_VALUE, "t", "T"))
          .isInstanceOf(StorageException.class);
    }
  }

  /** The CLI writing while the server runs: two pools on one file, both writing at once. */
  @Test
  void twoStoragesOnTheSameFolderCanBothWrite() throws Exception {
    try (Storage server = SqliteStorage.open(dir); Storage cli = SqliteStorage.open(dir)) {
      Project project = newProject(server);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          Storage storage = w % 2 == 0 ? server : cli;
          int writer = w;
          futures.add(pool.submit(() -> {
            for (int i = 0; i < 10; i++) {
              storage.events().saveBatch(List.of(
                  event(project.id(), T0.plusSeconds(i), List.of("shared"), "W" + writer)));
            }
            storage.projects().createOrganization(Fixtures.unique("cli"), "From writer " + writer);
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(cli.events().countForProject(project.id())).isEqualTo(40);
      assertThat(server.issues().listForProject(project.id(), 10)).singleElement()
          .satisfies(issue -> assertThat(issue.count()).isEqualTo(40));
      SavedEvent fromCli = cli.events().saveBatch(
          List.of(event(project.id(), T0, List.of("cli-only"), "CLI"))).get(0);
      assertThat(server.issues().find(fromCli.issueId())).isPresent();
    }
    assertThat(Files.exists(dir.resolve(SqliteStorage.FILE_NAME))).isTrue();
  }
}

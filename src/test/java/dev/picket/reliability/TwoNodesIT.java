package dev.picket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.reliability.IngestLoad.Target;
import dev.picket.reliability.PicketProcess.Storage;
import dev.picket.storage.PostgresTestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Picket processes on one PostgreSQL database: both started at the same moment on an empty
 * database (migrations and first-start defaults race), then eight threads send to both nodes in
 * turn, all threads moving to a new fingerprint every few events so that both nodes keep racing to
 * create the same issue. Exactly one issue per fingerprint, exact counters, every event readable
 * from either node.
 */
@Tag("reliability")
class TwoNodesIT {
  static final int THREADS = 8;
  static final int MAX_EVENTS = 1_200;
  static final Duration MAX_LOAD = Duration.ofSeconds(40);
  static final int EVENTS_PER_FINGERPRINT_PER_THREAD = 15;

  @TempDir Path dir;

  @Test
  void twoNodesOnOneDatabase_shareIssuesAndCountsExactly() throws Exception {
    Storage storage = Storage.postgres(dir, freshDatabase());
    String run = UUID.randomUUID().toString().substring(0, 8);
    String slug = "two-nodes-" + run;
    IngestLoad.Result load;
    EventReader.Reads fromA;
    EventReader.Reads fromB;
    Scenario.Project project;
    try (PicketProcess a = PicketProcess.launch(storage); PicketProcess b = PicketProcess.launch(storage)) {
      a.awaitDsn();
      b.awaitDsn();
      project = Scenario.createProjectAndToken(storage, slug);
      load = IngestLoad.start(List.of(target(a, project), target(b, project)), THREADS, MAX_EVENTS, MAX_LOAD,
          (thread, n) -> run + "-fp-" + (n / EVENTS_PER_FINGERPRINT_PER_THREAD)).await();
      fromA = new EventReader(a.baseUrl(), "sentry", slug, project.token()).readAll(load.acknowledged().keySet());
      fromB = new EventReader(b.baseUrl(), "sentry", slug, project.token()).readAll(load.acknowledged().keySet());
      assertThat(a.terminate()).as("node A exit code").isZero();
      assertThat(b.terminate()).as("node B exit code").isZero();
    }
    List<StoredIssues.Row> issues = StoredIssues.of(storage, project.id());
    Map<String, String> acknowledged = load.acknowledged();

    System.out.printf("[durability] two nodes on PostgreSQL: %s; readable from A=%d B=%d; stored=%d in %d issues;"
            + " migrations %s%n", load, fromA.issueOf().size(), fromB.issueOf().size(),
        StoredIssues.storedEvents(issues), issues.size(), migrations(storage));
    assertThat(load.refusedByStatus()).as("non-200 answers").isEmpty();
    assertThat(load.connectionFailures()).as("failed requests").isZero();
    assertThat(acknowledged).as("acknowledged events").hasSize(load.attempted());
    assertThat(fromA.missing()).as("events missing when read from node A").isEmpty();
    assertThat(fromB.missing()).as("events missing when read from node B").isEmpty();
    assertThat(fromB.issueOf()).as("the same issue for every event on both nodes").isEqualTo(fromA.issueOf());
    Scenario.assertCountersExact(issues, acknowledged.size());
    assertThat(StoredIssues.storedEvents(issues)).as("stored events").isEqualTo(acknowledged.size());
    Scenario.assertOneIssuePerFingerprint(acknowledged, fromA.issueOf(), issues);
    assertThat(migrations(storage)).as("each migration applied once, successfully").allMatch(m -> m.endsWith(":ok"));
  }

  private static Target target(PicketProcess node, Scenario.Project project) {
    return new Target(node.baseUrl(), project.id(), project.publicKey());
  }

  /** A new, empty database on the shared embedded server, so both nodes really migrate it. */
  private static String freshDatabase() throws Exception {
    String shared = PostgresTestDatabase.databaseUrl();
    String name = "two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = StoredIssues.connect(Storage.postgres(null, shared));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    URI uri = URI.create(shared);
    return uri.getScheme() + "://" + uri.getUserInfo() + "@" + uri.getHost() + ":" + uri.getPort() + "/" + name;
  }

  /** Flyway's history: one entry per applied migration, "version:ok" or "version:failed". */
  private static List<String> migrations(Storage storage) throws Exception {
    try (Connection connection = StoredIssues.connect(storage);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
      List<String> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + (rs.getBoolean(2) ? ":ok" : ":failed"));
      }
      return rows;
    }
  }
}

package dev.picket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.reliability.IngestLoad.Target;
import dev.picket.reliability.PicketProcess.Storage;
import dev.picket.storage.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Acknowledged means durable", tested the hard way: the packaged jar runs as a real process,
 * eight threads send events to the store and envelope endpoints, the process is killed with
 * SIGKILL mid-load (no shutdown hook, no drain), restarted on the same data, and every event that
 * had been answered 200 must be readable through the API. Each issue's {@code times_seen} must
 * equal the events stored for it (also those committed whose 200 never arrived).
 */
@Tag("reliability")
class SigkillDurabilityIT {
  static final int THREADS = 8;
  static final int MAX_EVENTS = 40_000;
  static final Duration MAX_LOAD = Duration.ofSeconds(30);
  static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(3);
  static final int FINGERPRINTS = 4;
  static final int MIN_ACKNOWLEDGED_BEFORE_KILL = 400;

  @TempDir Path dir;

  @Test
  void sigkill_losesNoAcknowledgedEvent_onSqlite() throws Exception {
    killMidLoadAndCheck("SQLite", Storage.sqlite(dir.resolve("data")));
  }

  @Test
  void sigkill_losesNoAcknowledgedEvent_onPostgres() throws Exception {
    killMidLoadAndCheck("PostgreSQL", Storage.postgres(dir, PostgresTestDatabase.databaseUrl()));
  }

  private void killMidLoadAndCheck(String backend, Storage storage) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String slug = "sigkill-" + run;
    Scenario.Project project;
    IngestLoad.Result load;
    try (PicketProcess first = PicketProcess.start(storage)) {
      project = Scenario.createProjectAndToken(storage, slug);
      IngestLoad sending = IngestLoad.start(List.of(new Target(first.baseUrl(), project.id(), project.publicKey())),
          THREADS, MAX_EVENTS, MAX_LOAD, (thread, n) -> run + "-fp-" + ((thread + n) % FINGERPRINTS));
      Scenario.awaitLoad(sending, LOAD_BEFORE_KILL, MIN_ACKNOWLEDGED_BEFORE_KILL);
      first.kill();
      load = sending.stop();
    }
    Map<String, String> acknowledged = load.acknowledged();
    assertThat(acknowledged).as("events acknowledged before the kill").hasSizeGreaterThan(100);

    EventReader.Reads reads;
    int exit;
    try (PicketProcess second = PicketProcess.start(storage)) {
      reads = new EventReader(second.baseUrl(), "sentry", slug, project.token()).readAll(acknowledged.keySet());
      exit = second.terminate();
    }
    List<StoredIssues.Row> issues = StoredIssues.of(storage, project.id());

    System.out.printf("[durability] SIGKILL on %s: %s; after restart readable=%d missing=%d;"
            + " stored=%d in %d issues %s%n", backend, load, reads.issueOf().size(), reads.missing().size(),
        StoredIssues.storedEvents(issues), issues.size(), issues);
    assertThat(reads.missing()).as("acknowledged events missing after SIGKILL on " + backend).isEmpty();
    assertThat(exit).as("exit code of the restarted server after SIGTERM").isZero();
    Scenario.assertCountersExact(issues, acknowledged.size());
    Scenario.assertOneIssuePerFingerprint(acknowledged, reads.issueOf(), issues);
  }
}

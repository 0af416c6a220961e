package dev.picket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.reliability.IngestLoad.Outcomes;
import dev.picket.reliability.IngestLoad.Target;
import dev.picket.reliability.PicketProcess.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during sustained ingest: Picket stops accepting, commits what it accepted and exits 0.
 * Every request answered 200 (also while draining) is stored; once the process is gone, requests
 * only fail to connect. Checked by restarting on the same data and reading every event back.
 */
@Tag("reliability")
class GracefulShutdownIT {
  static final int THREADS = 8;
  static final int MAX_EVENTS = 40_000;
  static final Duration MAX_LOAD = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void sigterm_drainsCommitsAndExitsZero() throws Exception {
    Storage storage = Storage.sqlite(dir.resolve("data"));
    String run = UUID.randomUUID().toString().substring(0, 8);
    String slug = "sigterm-" + run;
    Scenario.Project project;
    IngestLoad.Result load;
    Outcomes beforeTerm;
    Outcomes atExit;
    int exit;
    long drainMillis;
    try (PicketProcess picket = PicketProcess.start(storage)) {
      project = Scenario.createProjectAndToken(storage, slug);
      IngestLoad sending = IngestLoad.start(List.of(new Target(picket.baseUrl(), project.id(), project.publicKey())),
          THREADS, MAX_EVENTS, MAX_LOAD, (thread, n) -> run + "-fp-" + (n % 3));
      Scenario.awaitLoad(sending, Duration.ofSeconds(3), 200);
      beforeTerm = sending.outcomesSoFar();
      long start = System.nanoTime();
      exit = picket.terminate();
      drainMillis = (System.nanoTime() - start) / 1_000_000;
      atExit = sending.outcomesSoFar();
      Thread.sleep(500); // the senders keep trying against the stopped server
      load = sending.stop();
      assertThat(exit).as("exit code after SIGTERM; log:%n%s", picket.log()).isZero();
    }
    Outcomes whileDraining = atExit.minus(beforeTerm);
    Outcomes afterExit = load.outcomes().minus(atExit);
    Map<String, String> acknowledged = load.acknowledged();

    EventReader.Reads reads;
    try (PicketProcess again = PicketProcess.start(storage)) {
      reads = new EventReader(again.baseUrl(), "sentry", slug, project.token()).readAll(acknowledged.keySet());
      again.terminate();
    }
    List<StoredIssues.Row> issues = StoredIssues.of(storage, project.id());

    System.out.printf("[durability] SIGTERM on SQLite: %s; exit=%d after %d ms; while draining %s;"
            + " after exit %s; after restart readable=%d missing=%d; stored=%d in %d issues%n",
        load, exit, drainMillis, whileDraining, afterExit, reads.issueOf().size(), reads.missing().size(),
        StoredIssues.storedEvents(issues), issues.size());
    assertThat(reads.missing()).as("acknowledged events missing after SIGTERM").isEmpty();
    assertThat(afterExit.acknowledged()).as("200s after the process exited").isZero();
    assertThat(afterExit.refused()).as("answers after the process exited").isZero();
    assertThat(load.refusedByStatus().keySet()).as("statuses other than 200: only overload refusals")
        .allMatch(status -> status == 503);
    Scenario.assertCountersExact(issues, acknowledged.size());
    Scenario.assertOneIssuePerFingerprint(acknowledged, reads.issueOf(), issues);
  }
}

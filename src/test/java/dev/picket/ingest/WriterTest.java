package dev.picket.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.model.EventId;
import dev.picket.model.IssueSummary;
import dev.picket.model.NewEvent;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.SavedEvent;
import dev.picket.storage.EventStore;
import dev.picket.storage.Storage;
import dev.picket.storage.sqlite.SqliteStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit writer on a real SQLite store. */
class WriterTest {
  @TempDir Path dir;
  Storage storage;
  Project project;

  @BeforeEach
  void open() {
    storage = SqliteStorage.open(dir);
    Organization org = storage.projects().createOrganization("acme", "Acme");
    long team = storage.projects().createTeam(org.id(), "acme", "Acme").id();
    project = storage.projects().createProject(org.id(), team, "web", "Web", "legacy:2019-03-12");
  }

  @AfterEach
  void close() {
    storage.close();
  }

  NewEvent event(long projectId, String hash) {
    Instant now = Instant.now();
    return new NewEvent(projectId, EventId.random(), now, now, List.of(hash),
        new IssueSummary("t", "", "error", "default", "{}", ""), "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void submit_completesOnlyAfterTheEventIsReadable() throws Exception {
    try (Writer writer = new Writer(storage.events(), 100, 10)) {
      NewEvent event = event(project.id(), "a".repeat(32));
      SavedEvent saved = writer.submit(event).get(10, TimeUnit.SECONDS);
      assertThat(storage.events().find(project.id(), event.eventId())).isPresent();
      assertThat(saved.eventId()).isEqualTo(event.eventId());
    }
  }

  @Test
  void aPoisonEvent_failsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    EventStore gated = new GatedStore(storage.events(), release);
    try (Writer writer = new Writer(gated, 100, 10)) {
      List<CompletableFuture<SavedEvent>> futures = new ArrayList<>();
      futures.add(writer.submit(event(project.id(), "b".repeat(32))));
      futures.add(writer.submit(event(999_999, "c".repeat(32)))); // no such project
      futures.add(writer.submit(event(project.id(), "d".repeat(32))));
      release.countDown();
      assertThat(futures.get(0).get(10, TimeUnit.SECONDS).duplicate()).isFalse();
      assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
      assertThat(futures.get(2).get(10, TimeUnit.SECONDS).duplicate()).isFalse();
    }
    assertThat(storage.events().countForProject(project.id())).isEqualTo(2);
  }

  @Test
  void aFullQueue_isRefusedAtOnceWithRetryAfter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Writer writer = new Writer(new GatedStore(storage.events(), release), 2, 1)) {
      List<CompletableFuture<SavedEvent>> accepted = new ArrayList<>();
      Rejection refused = null;
      for (int i = 0; i < 10 && refused == null; i++) {
        try {
          accepted.add(writer.submit(event(project.id(), "e".repeat(32))));
        } catch (Rejection r) {
          refused = r;
        }
      }
      assertThat(refused).isNotNull();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.retryAfterSeconds()).isPositive();
      release.countDown();
      for (CompletableFuture<SavedEvent> future : accepted) {
        future.get(10, TimeUnit.SECONDS);
      }
      assertThat(storage.events().countForProject(project.id())).isEqualTo(accepted.size());
    }
  }

  @Test
  void close_commitsWhatWasAlreadyAccepted() throws Exception {
    List<CompletableFuture<SavedEvent>> accepted = new ArrayList<>();
    Writer writer = new Writer(storage.events(), 1000, 50);
    for (int i = 0; i < 200; i++) {
      accepted.add(writer.submit(event(project.id(), "f".repeat(32))));
    }
    writer.close();
    for (CompletableFuture<SavedEvent> future : accepted) {
      assertThat(future).isCompleted();
    }
    assertThat(storage.events().countForProject(project.id())).isEqualTo(200);
    assertThatThrownBy(() -> writer.submit(event(project.id(), "f".repeat(32)))).isInstanceOf(Rejection.class);
  }

  /** A real store whose first write waits for the test to open the gate. */
  private record GatedStore(EventStore delegate, CountDownLatch gate) implements EventStore {
    @Override
    public List<SavedEvent> saveBatch(List<NewEvent> batch, List<dev.picket.model.NewEnvelopeItems> items) {
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.saveBatch(batch, items);
    }

    @Override
    public java.util.Optional<dev.picket.model.StoredEvent> find(long projectId, EventId eventId) {
      return delegate.find(projectId, eventId);
    }

    @Override
    public java.util.Optional<EventId> nextInIssue(long issueId, Instant timestamp, EventId eventId) {
      return delegate.nextInIssue(issueId, timestamp, eventId);
    }

    @Override
    public java.util.Optional<EventId> previousInIssue(long issueId, Instant timestamp, EventId eventId) {
      return delegate.previousInIssue(issueId, timestamp, eventId);
    }

    @Override
    public long countForProject(long projectId) {
      return delegate.countForProject(projectId);
    }

    @Override
    public List<dev.picket.model.StoredEvent> listForIssue(long issueId, int offset, int limit) {
      return delegate.listForIssue(issueId, offset, limit);
    }

    @Override
    public List<dev.picket.model.StoredEvent> listForProject(long projectId, int offset, int limit) {
      return delegate.listForProject(projectId, offset, limit);
    }

    @Override
    public java.util.Optional<dev.picket.model.StoredEvent> latestInIssue(long issueId) {
      return delegate.latestInIssue(issueId);
    }

    @Override
    public java.util.Optional<dev.picket.model.StoredEvent> oldestInIssue(long issueId) {
      return delegate.oldestInIssue(issueId);
    }
  }
}

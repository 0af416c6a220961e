package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static dev.picket.storage.Fixtures.summary;
import static dev.picket.storage.Fixtures.withPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import dev.picket.model.EventId;
import dev.picket.model.Issue;
import dev.picket.model.NewEvent;
import dev.picket.model.Project;
import dev.picket.model.SavedEvent;
import dev.picket.model.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventStore} must show; subclassed once per backend. */
public abstract class EventStoreContract {
  protected abstract Storage storage();

  /** A plain JDBC connection to the same database, to look at stored rows; caller closes it. */
  protected abstract Connection rawConnection() throws SQLException;

  private EventStore events() {
    return storage().events();
  }

  private Issue issue(long id) {
    return storage().issues().find(id).orElseThrow();
  }

  private SavedEvent saveOne(NewEvent event) {
    List<SavedEvent> saved = events().saveBatch(List.of(event));
    assertThat(saved).hasSize(1);
    return saved.get(0);
  }

  @Test
  void emptyBatchSavesNothing() {
    assertThat(events().saveBatch(List.of())).isEmpty();
  }

  @Test
  void firstEventCreatesAnIssueAndCountsIt() {
    Project project = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("h1", "h2"), "Boom");

    SavedEvent saved = saveOne(event);

    assertThat(saved.duplicate()).isFalse();
    assertThat(saved.eventId()).isEqualTo(event.eventId());
    Issue issue = issue(saved.issueId());
    assertThat(issue.projectId()).isEqualTo(project.id());
    assertThat(issue.shortIdNumber()).isEqualTo(1);
    assertThat(issue.summary()).isEqualTo(summary("Boom"));
    assertThat(issue.status()).isEqualTo("unresolved");
    assertThat(issue.firstSeen()).isEqualTo(T0);
    assertThat(issue.lastSeen()).isEqualTo(T0);
    assertThat(issue.count()).isEqualTo(1);
    assertThat(storage().issues().hashes(issue.id())).containsExactly("h1", "h2");
    assertThat(events().countForProject(project.id())).isEqualTo(1);

    StoredEvent stored = events().find(project.id(), event.eventId()).orElseThrow();
    assertThat(stored.id()).isEqualTo(saved.id());
    assertThat(stored.issueId()).isEqualTo(issue.id());
    assertThat(stored.projectId()).isEqualTo(project.id());
    assertThat(stored.timestamp()).isEqualTo(T0);
    assertThat(stored.received()).isEqualTo(event.received());
    assertThat(stored.payload()).isEqualTo(event.payload());
  }

  @Test
  void nulCharactersInTheSummaryAreStoredOnEveryBackend() {
    Project project = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("nul"), "Bad\0Title");

    SavedEvent saved = saveOne(event);

    assertThat(issue(saved.issueId()).summary().title()).isEqualTo("Bad\uFFFDTitle");
  }

  @Test
  void newHashesGetTheNextShortIdOfTheirProject() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    SavedEvent a = saveOne(event(project.id(), T0, List.of("a"), "A"));
    SavedEvent b = saveOne(event(project.id(), T0, List.of("b"), "B"));
    SavedEvent c = saveOne(event(other.id(), T0, List.of("a"), "A"));

    assertThat(issue(a.issueId()).shortIdNumber()).isEqualTo(1);
    assertThat(issue(b.issueId()).shortIdNumber()).isEqualTo(2);
    assertThat(c.issueId()).isNotEqualTo(a.issueId());
    assertThat(issue(c.issueId()).shortIdNumber()).isEqualTo(1);
  }

  @Test
  void laterEventWithTheSameHashJoinsAndRefreshesTheSummary() {
    Project project = newProject(storage());
    SavedEvent first = saveOne(event(project.id(), T0, List.of("h"), "Old title"));
    SavedEvent second = saveOne(event(project.id(), T0.plusSeconds(60), List.of("h"), "New title"));

    assertThat(second.issueId()).isEqualTo(first.issueId());
    Issue issue = issue(first.issueId());
    assertThat(issue.count()).isEqualTo(2);
    assertThat(issue.firstSeen()).isEqualTo(T0);
    assertThat(issue.lastSeen()).isEqualTo(T0.plusSeconds(60));
    assertThat(issue.summary()).isEqualTo(summary("New title"));
    assertThat(events().countForProject(project.id())).isEqualTo(2);
  }

  @Test
  void olderEventWidensFirstSeenButKeepsTheNewestSummary() {
    Project project = newProject(storage());
    SavedEvent first = saveOne(event(project.id(), T0, List.of("h"), "Newest"));
    saveOne(event(project.id(), T0.minusSeconds(3600), List.of("h"), "Older"));

    Issue issue = issue(first.issueId());
    assertThat(issue.count()).isEqualTo(2);
    assertThat(issue.firstSeen()).isEqualTo(T0.minusSeconds(3600));
    assertThat(issue.lastSeen()).isEqualTo(T0);
    assertThat(issue.summary()).isEqualTo(summary("Newest"));
  }

  @Test
  void overlappingHashesJoinTheKnownIssueAndAttachTheNewHashes() {
    Project project = newProject(storage());
    SavedEvent first = saveOne(event(project.id(), T0, List.of("a", "b"), "First"));
    SavedEvent second = saveOne(event(project.id(), T0.plusSeconds(1), List.of("c", "b"), "Second"));
    SavedEvent third = saveOne(event(project.id(), T0.plusSeconds(2), List.of("d", "c"), "Third"));

    assertThat(second.issueId()).isEqualTo(first.issueId());
    assertThat(third.issueId()).isEqualTo(first.issueId());
    assertThat(storage().issues().hashes(first.issueId())).containsExactly("a", "b", "c", "d");
    assertThat(issue(first.issueId()).count()).isEqualTo(3);
    assertThat(storage().issues().listForProject(project.id(), 10)).hasSize(1);
  }

  @Test
  void theFirstKnownHashInTheEventsOrderDecidesTheIssue() {
    Project project = newProject(storage());
    SavedEvent p = saveOne(event(project.id(), T0, List.of("p"), "P"));
    SavedEvent q = saveOne(event(project.id(), T0, List.of("q"), "Q"));

    SavedEvent both = saveOne(event(project.id(), T0, List.of("new", "q", "p"), "Both"));

    assertThat(both.issueId()).isEqualTo(q.issueId());
    assertThat(storage().issues().hashes(q.issueId())).containsExactly("q", "new");
    assertThat(storage().issues().hashes(p.issueId())).containsExactly("p");
    assertThat(issue(p.issueId()).count()).isEqualTo(1);
    assertThat(issue(q.issueId()).count()).isEqualTo(2);
  }

  @Test
  void aDuplicateEventIdInALaterBatchChangesNothing() {
    Project project = newProject(storage());
    NewEvent original = event(project.id(), T0, List.of("h"), "Original");
    SavedEvent saved = saveOne(original);

    NewEvent again = event(project.id(), original.eventId(), T0.plusSeconds(9), List.of("other"), "Again");
    SavedEvent duplicate = saveOne(again);

    assertThat(duplicate).isEqualTo(new SavedEvent(saved.id(), saved.issueId(), original.eventId(), true));
    Issue issue = issue(saved.issueId());
    assertThat(issue.count()).isEqualTo(1);
    assertThat(issue.lastSeen()).isEqualTo(T0);
    assertThat(issue.summary()).isEqualTo(summary("Original"));
    assertThat(storage().issues().listForProject(project.id(), 10)).hasSize(1);
    assertThat(events().countForProject(project.id())).isEqualTo(1);
    assertThat(events().find(project.id(), original.eventId()).orElseThrow().payload())
        .isEqualTo(original.payload());
  }

  @Test
  void aDuplicateEventIdWithinOneBatchIsMarkedDuplicate() {
    Project project = newProject(storage());
    NewEvent original = event(project.id(), T0, List.of("h"), "Original");
    NewEvent again = event(project.id(), original.eventId(), T0.plusSeconds(1), List.of("x"), "Again");
    NewEvent other = event(project.id(), T0.plusSeconds(2), List.of("h"), "Other");

    List<SavedEvent> saved = events().saveBatch(List.of(original, again, other));

    assertThat(saved).extracting(SavedEvent::duplicate).containsExactly(false, true, false);
    assertThat(saved.get(1).id()).isEqualTo(saved.get(0).id());
    assertThat(saved.get(1).issueId()).isEqualTo(saved.get(0).issueId());
    assertThat(saved.get(2).issueId()).isEqualTo(saved.get(0).issueId());
    assertThat(issue(saved.get(0).issueId()).count()).isEqualTo(2);
    assertThat(storage().issues().listForProject(project.id(), 10)).hasSize(1);
    assertThat(events().countForProject(project.id())).isEqualTo(2);
  }

  @Test
  void theSameEventIdInAnotherProjectIsNoDuplicate() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    EventId id = EventId.random();
    saveOne(event(project.id(), id, T0, List.of("h"), "One"));

    SavedEvent saved = saveOne(event(other.id(), id, T0, List.of("h"), "Two"));

    assertThat(saved.duplicate()).isFalse();
    assertThat(events().find(other.id(), id)).isPresent();
    assertThat(events().countForProject(other.id())).isEqualTo(1);
  }

  @Test
  void aBatchWithAnInvalidElementCommitsNothing() {
    Project project = newProject(storage());
    NewEvent good = event(project.id(), T0, List.of("good"), "Good");
    NewEvent bad = event(Long.MAX_VALUE, T0, List.of("bad"), "Bad");

    assertThatThrownBy(() -> events().saveBatch(List.of(good, bad)))
        .isInstanceOf(StorageException.class);

    assertThat(events().find(project.id(), good.eventId())).isEmpty();
    assertThat(events().countForProject(project.id())).isZero();
    assertThat(storage().issues().listForProject(project.id(), 10)).isEmpty();
    SavedEvent retried = saveOne(good);
    assertThat(issue(retried.issueId()).shortIdNumber()).isEqualTo(1);
  }

  @Test
  void neighboursFollowTimestampThenEventIdOrder() {
    Project project = newProject(storage());
    EventId a = new EventId("a".repeat(32));
    EventId b = new EventId("0".repeat(31) + "1");
    EventId c = new EventId("0".repeat(31) + "2");
    EventId d = new EventId("1".repeat(32));
    List<NewEvent> batch = List.of(
        event(project.id(), d, T0.plusSeconds(20), List.of("n"), "D"),
        event(project.id(), c, T0.plusSeconds(10), List.of("n"), "C"),
        event(project.id(), a, T0, List.of("n"), "A"),
        event(project.id(), b, T0.plusSeconds(10), List.of("n"), "B"),
        // same issue order keys but another issue: must never show up as a neighbour
        event(project.id(), T0.plusSeconds(10), List.of("elsewhere"), "X"));
    long issue = events().saveBatch(batch).get(0).issueId();

    assertThat(events().nextInIssue(issue, T0, a)).contains(b);
    assertThat(events().nextInIssue(issue, T0.plusSeconds(10), b)).contains(c);
    assertThat(events().nextInIssue(issue, T0.plusSeconds(10), c)).contains(d);
    assertThat(events().nextInIssue(issue, T0.plusSeconds(20), d)).isEmpty();

    assertThat(events().previousInIssue(issue, T0.plusSeconds(20), d)).contains(c);
    assertThat(events().previousInIssue(issue, T0.plusSeconds(10), c)).contains(b);
    assertThat(events().previousInIssue(issue, T0.plusSeconds(10), b)).contains(a);
    assertThat(events().previousInIssue(issue, T0, a)).isEmpty();
  }

  @Test
  void payloadRoundTripsByteForByteAndIsStoredCompressed() throws Exception {
    Project project = newProject(storage());
    StringBuilder json = new StringBuilder("{\"frames\":[");
    for (int i = 0; i < 500; i++) {
      json.append("{\"function\":\"héllo→wörld ").append(i % 7).append("\",\"lineno\":42},");
    }
    json.append("{}]}");
    byte[] plain = json.toString().getBytes(StandardCharsets.UTF_8);
    NewEvent event = withPayload(event(project.id(), T0, List.of("big"), "Big"), plain);

    SavedEvent saved = saveOne(event);

    assertThat(events().find(project.id(), event.eventId()).orElseThrow().payload())
        .isEqualTo(plain);
    try (Connection c = rawConnection();
        PreparedStatement s = c.prepareStatement("SELECT payload, size FROM event WHERE id = ?")) {
      s.setLong(1, saved.id());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        byte[] stored = rs.getBytes("payload");
        assertThat(rs.getInt("size")).isEqualTo(plain.length);
        assertThat(stored.length).isLessThan(plain.length / 4);
        assertThat(Zstd.decompress(stored, plain.length)).isEqualTo(plain);
      }
    }
  }

  @Test
  void anEmptyPayloadRoundTrips() {
    Project project = newProject(storage());
    NewEvent event = withPayload(event(project.id(), T0, List.of("e"), "Empty"), new byte[0]);
    saveOne(event);
    assertThat(events().find(project.id(), event.eventId()).orElseThrow().payload()).isEmpty();
  }

  @Test
  void findIsScopedToTheProject() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("h"), "Scoped");
    saveOne(event);

    assertThat(events().find(other.id(), event.eventId())).isEmpty();
    assertThat(events().find(project.id(), EventId.random())).isEmpty();
  }

  @Test
  void concurrentWritersOfTheSameNewHashEndInOneIssue() throws Exception {
    concurrentWritersEndInOneIssue(storage(), storage());
  }

  /**
   * Four writers, each saving small batches of events with the same brand-new hash at the same
   * moment. {@code a} and {@code b} may be two storages on one database (two nodes).
   */
  protected void concurrentWritersEndInOneIssue(Storage a, Storage b) throws Exception {
    Project project = newProject(a);
    int writers = 4;
    int batches = 5;
    int perBatch = 3;
    CyclicBarrier start = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<List<SavedEvent>>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Storage storage = w % 2 == 0 ? a : b;
        int writer = w;
        Callable<List<SavedEvent>> task = () -> {
          start.await(10, TimeUnit.SECONDS);
          List<SavedEvent> all = new ArrayList<>();
          for (int i = 0; i < batches; i++) {
            List<NewEvent> batch = new ArrayList<>();
            for (int j = 0; j < perBatch; j++) {
              batch.add(event(project.id(), T0.plusMillis(i * 10L + j),
                  List.of("race-" + i, "shared"), "Writer " + writer));
            }
            all.addAll(storage.events().saveBatch(batch));
          }
          return all;
        };
        futures.add(pool.submit(task));
      }
      List<SavedEvent> saved = new ArrayList<>();
      for (Future<List<SavedEvent>> f : futures) {
        saved.addAll(f.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS));
      }

      int total = writers * batches * perBatch;
      assertThat(saved).hasSize(total).noneMatch(SavedEvent::duplicate);
      assertThat(saved).extracting(SavedEvent::issueId).containsOnly(saved.get(0).issueId());
      List<Issue> issues = a.issues().listForProject(project.id(), 10);
      assertThat(issues).hasSize(1);
      assertThat(issues.get(0).count()).isEqualTo(total);
      assertThat(issues.get(0).shortIdNumber()).isEqualTo(1);
      assertThat(a.events().countForProject(project.id())).isEqualTo(total);
      assertThat(a.issues().hashes(issues.get(0).id())).hasSize(batches + 1);
      // the counter was consumed exactly once: the next new issue is number 2
      SavedEvent next = a.events().saveBatch(
          List.of(event(project.id(), T0, List.of("after-the-race"), "After"))).get(0);
      assertThat(a.issues().find(next.issueId()).orElseThrow().shortIdNumber()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listsEventsNewestFirstPerIssueAndPerProjectWithLatestAndOldest() {
    Project project = newProject(storage());
    EventId a = EventId.random();
    SavedEvent first = saveOne(Fixtures.event(project.id(), a, T0, List.of("h"), "A"));
    SavedEvent second = saveOne(event(project.id(), T0.plusSeconds(2), List.of("h"), "B"));
    SavedEvent other = saveOne(event(project.id(), T0.plusSeconds(1), List.of("o"), "O"));
    long issue = first.issueId();

    assertThat(events().listForIssue(issue, 0, 10)).extracting(StoredEvent::id)
        .containsExactly(second.id(), first.id());
    assertThat(events().listForIssue(issue, 1, 10)).extracting(StoredEvent::id).containsExactly(first.id());
    assertThat(events().listForIssue(issue, 0, 0)).isEmpty();
    assertThat(events().listForProject(project.id(), 0, 10)).extracting(StoredEvent::id)
        .containsExactly(second.id(), other.id(), first.id());
    assertThat(events().latestInIssue(issue)).map(StoredEvent::id).hasValue(second.id());
    assertThat(events().oldestInIssue(issue)).map(StoredEvent::eventId).hasValue(a);
    assertThat(events().latestInIssue(Long.MAX_VALUE)).isEmpty();
  }
}

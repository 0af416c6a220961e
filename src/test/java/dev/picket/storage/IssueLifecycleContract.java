package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static dev.picket.storage.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.Activity;
import dev.picket.model.Issue;
import dev.picket.model.NewEvent;
import dev.picket.model.Project;
import dev.picket.model.StatusChange;
import dev.picket.model.StatusChange.Resolution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The issue lifecycle as saveBatch applies it (regressions, release resolutions, ignore
 * conditions), and status changes, merge and delete; part of the {@link IssueStore} contract.
 */
public abstract class IssueLifecycleContract {
  protected abstract Storage storage();

  private Project project;
  private int seconds;

  private long send(String hash, String... tags) {
    NewEvent e = tagged(event(project.id(), T0.plusSeconds(seconds++), List.of(hash), hash), tags);
    return storage().events().saveBatch(List.of(e)).get(0).issueId();
  }

  private Issue issue(long id) {
    return storage().issues().find(id).orElseThrow();
  }

  private void set(long id, StatusChange change) {
    storage().issues().updateStatus(List.of(id), change);
  }

  private static StatusChange resolved(Resolution resolution, String release) {
    return new StatusChange("resolved", "{\"x\":1}", resolution, release, null, null, null);
  }

  private static StatusChange ignored(java.time.Instant until, Long count, Long users) {
    return new StatusChange("ignored", "{\"y\":2}", null, null, until, count, users);
  }

  private List<String> activityTypes(long id) {
    return storage().issues().activity(id, 100).stream().map(Activity::type).toList();
  }

  @Test
  void resolvedIssueReceivingAnEventRegresses() {
    project = newProject(storage());
    long id = send("h", "sentry:release", "1.0");
    set(id, resolved(null, null));
    assertThat(issue(id).status()).isEqualTo("resolved");
    assertThat(issue(id).statusDetails()).isEqualTo("{\"x\":1}");

    send("h");

    assertThat(issue(id).status()).isEqualTo("unresolved");
    assertThat(issue(id).statusDetails()).isEqualTo("{}");
    assertThat(activityTypes(id)).containsExactly("set_regression");
  }

  @Test
  void resolvedInNextReleaseReopensOnlyForANewerRelease() {
    project = newProject(storage());
    send("other", "sentry:release", "0.9");
    long id = send("h", "sentry:release", "1.0");
    assertThat(storage().issues().latestRelease(project.id())).hasValue("1.0");
    set(id, resolved(Resolution.IN_NEXT_RELEASE, null));

    send("h", "sentry:release", "1.0");
    send("h", "sentry:release", "0.9");
    send("h");
    assertThat(issue(id).status()).isEqualTo("resolved");

    send("h", "sentry:release", "1.1");
    assertThat(issue(id).status()).isEqualTo("unresolved");
    assertThat(storage().issues().activity(id, 10).get(0).data()).isEqualTo("{\"version\":\"1.1\"}");
  }

  @Test
  void resolvedInReleaseReopensForThatReleaseOrANewerOne() {
    project = newProject(storage());
    long id = send("h", "sentry:release", "1.0");
    send("x", "sentry:release", "2.0");
    assertThat(storage().issues().hasRelease(project.id(), "2.0")).isTrue();
    assertThat(storage().issues().hasRelease(project.id(), "3.0")).isFalse();
    set(id, resolved(Resolution.IN_RELEASE, "2.0"));

    send("h", "sentry:release", "1.0");
    assertThat(issue(id).status()).isEqualTo("resolved");
    send("h", "sentry:release", "2.0");
    assertThat(issue(id).status()).isEqualTo("unresolved");
  }

  @Test
  void ignoredUntilCountReopensAfterThatManyMoreEvents() {
    project = newProject(storage());
    long id = send("h");
    send("h");
    set(id, ignored(null, 3L, null));
    send("h");
    send("h");
    assertThat(issue(id).status()).isEqualTo("ignored");
    send("h");
    assertThat(issue(id).status()).isEqualTo("unresolved");
    assertThat(activityTypes(id)).containsExactly("set_unresolved");
  }

  @Test
  void ignoredUntilUserCountReopensAfterThatManyNewUsers() {
    project = newProject(storage());
    long id = send("h", "sentry:user", "id:1");
    set(id, ignored(null, null, 2L));
    send("h", "sentry:user", "id:1");
    send("h", "sentry:user", "id:2");
    assertThat(issue(id).status()).isEqualTo("ignored");
    send("h", "sentry:user", "id:3");
    assertThat(issue(id).status()).isEqualTo("unresolved");
  }

  @Test
  void ignoredUntilADateReopensOnTheFirstEventAfterIt() {
    project = newProject(storage());
    long id = send("h");
    // Fixtures receive events 5 ms after their timestamp; T0 + 3 s is passed by the 4th event.
    set(id, ignored(T0.plusSeconds(3), null, null));
    assertThat(issue(id).ignoreUntil()).isEqualTo(T0.plusSeconds(3));
    send("h");
    send("h");
    assertThat(issue(id).status()).isEqualTo("ignored");
    send("h");
    send("h");
    assertThat(issue(id).status()).isEqualTo("unresolved");
    assertThat(issue(id).ignoreUntil()).isNull();
  }

  @Test
  void ignoredForeverStaysIgnored() {
    project = newProject(storage());
    long id = send("h");
    set(id, ignored(null, null, null));
    for (int i = 0; i < 5; i++) {
      send("h");
    }
    assertThat(issue(id).status()).isEqualTo("ignored");
    assertThat(issue(id).statusDetails()).isEqualTo("{\"y\":2}");
  }

  @Test
  void mergeMovesHashesEventsAndAggregatesToTheParent() {
    project = newProject(storage());
    long parent = send("a", "sentry:user", "id:1", "browser", "Firefox");
    send("a", "sentry:user", "id:2");
    long child = send("b", "sentry:user", "id:2", "browser", "Firefox", "sentry:release", "1.0");
    long other = send("c");

    storage().issues().merge(parent, List.of(child));

    Issue merged = issue(parent);
    assertThat(merged.count()).isEqualTo(3);
    assertThat(merged.userCount()).isEqualTo(2);
    assertThat(merged.firstSeen()).isEqualTo(T0);
    assertThat(merged.lastSeen()).isEqualTo(T0.plusSeconds(2));
    assertThat(storage().issues().hashes(parent)).containsExactly("a", "b");
    assertThat(storage().issues().find(child)).isEmpty();
    assertThat(storage().events().listForIssue(parent, 0, 10)).hasSize(3);
    assertThat(storage().issues().tagValues(parent, "browser", 0, 10))
        .singleElement().satisfies(v -> assertThat(v.count()).isEqualTo(2));
    assertThat(activityTypes(parent)).containsExactly("merge");
    assertThat(issue(other).count()).isEqualTo(1);
    // a new event with the child's hash now lands in the parent
    assertThat(send("b")).isEqualTo(parent);
  }

  @Test
  void deleteRemovesTheIssueWithItsEvents() {
    project = newProject(storage());
    long id = send("h", "browser", "Chrome");
    long kept = send("k");

    storage().issues().delete(List.of(id));

    assertThat(storage().issues().find(id)).isEmpty();
    assertThat(storage().issues().hashes(id)).isEmpty();
    assertThat(storage().events().countForProject(project.id())).isEqualTo(1);
    assertThat(storage().issues().find(kept)).isPresent();
    // the hash is free again: a new event creates a new issue
    assertThat(send("h")).isNotEqualTo(id);
  }
}

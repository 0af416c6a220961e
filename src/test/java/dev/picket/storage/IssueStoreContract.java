package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.Issue;
import dev.picket.model.Project;
import dev.picket.model.SavedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link IssueStore} must show; subclassed once per backend. */
public abstract class IssueStoreContract {
  protected abstract Storage storage();

  private long save(Project project, int secondsAfterT0, String hash) {
    List<SavedEvent> saved = storage().events().saveBatch(
        List.of(event(project.id(), T0.plusSeconds(secondsAfterT0), List.of(hash), hash)));
    return saved.get(0).issueId();
  }

  @Test
  void findOfAnUnknownIssueIsEmpty() {
    assertThat(storage().issues().find(Long.MAX_VALUE)).isEmpty();
    assertThat(storage().issues().hashes(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void listsTheProjectsIssuesMostRecentlySeenFirst() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    long old = save(project, 0, "old");
    long recent = save(project, 100, "recent");
    long middle = save(project, 50, "middle");
    save(other, 500, "elsewhere");
    // a new event moves "old" to the front
    save(project, 200, "old");

    assertThat(storage().issues().listForProject(project.id(), 10))
        .extracting(Issue::id)
        .containsExactly(old, recent, middle);
    assertThat(storage().issues().listForProject(project.id(), 2))
        .extracting(Issue::id)
        .containsExactly(old, recent);
    assertThat(storage().issues().listForProject(project.id(), 0)).isEmpty();
  }

  @Test
  void hashesComeInTheOrderTheyWereFirstSeen() {
    Project project = newProject(storage());
    long issue = storage().events().saveBatch(List.of(
        event(project.id(), T0, List.of("z", "y"), "Z"),
        event(project.id(), T0, List.of("y", "a"), "Y"),
        event(project.id(), T0, List.of("m", "z", "a"), "M"))).get(0).issueId();

    assertThat(storage().issues().hashes(issue)).containsExactly("z", "y", "a", "m");
  }
}

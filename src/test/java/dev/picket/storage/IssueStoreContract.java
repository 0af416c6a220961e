package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static dev.picket.storage.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.Issue;
import dev.picket.model.IssueSearch;
import dev.picket.model.StatusChange;
import dev.picket.model.TagKeyCount;
import dev.picket.model.TagValueCount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
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

  private long saveTagged(Project project, int secondsAfterT0, String hash, String... tags) {
    return storage().events().saveBatch(List.of(tagged(
        event(project.id(), T0.plusSeconds(secondsAfterT0), List.of(hash), hash), tags))).get(0).issueId();
  }

  private IssueSearch search(Project project, IssueSearch.Sort sort, IssueSearch.Condition... conditions) {
    return new IssueSearch(Set.of(project.id()), List.of(conditions), sort, T0.plusSeconds(100_000));
  }

  private List<Long> ids(IssueSearch search) {
    return storage().issues().search(search, 0, 100).stream().map(Issue::id).toList();
  }

  @Test
  void saveBatchKeepsReleasesUsersHourlyCountsAndTagFacets() {
    Project project = newProject(storage());
    long id = saveTagged(project, 0, "h", "sentry:release", "1.0", "sentry:user", "id:1", "browser", "Firefox");
    saveTagged(project, 3600, "h", "sentry:release", "1.1", "sentry:user", "id:2", "browser", "Firefox");
    saveTagged(project, 3601, "h", "sentry:user", "id:1", "browser", "Chrome");
    saveTagged(project, -7200, "h", "sentry:release", "0.9");

    Issue issue = storage().issues().find(id).orElseThrow();
    assertThat(issue.firstRelease()).isEqualTo("0.9");
    assertThat(issue.lastRelease()).isEqualTo("1.1");
    assertThat(issue.userCount()).isEqualTo(2);
    assertThat(issue.statusDetails()).isEqualTo("{}");
    assertThat(storage().issues().latestRelease(project.id())).hasValue("0.9");

    Instant hour = T0.truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
    assertThat(storage().issues().hourlyCounts(List.of(id), hour, 4).get(id)).containsExactly(1, 0, 1, 2);

    assertThat(storage().issues().tagKeys(id)).containsExactly(
        new TagKeyCount("browser", 2, 3), new TagKeyCount("sentry:release", 3, 3),
        new TagKeyCount("sentry:user", 2, 3));
    List<TagValueCount> browsers = storage().issues().tagValues(id, "browser", 0, 10);
    assertThat(browsers).extracting(TagValueCount::value).containsExactly("Firefox", "Chrome");
    assertThat(browsers.get(0).count()).isEqualTo(2);
    assertThat(browsers.get(0).firstSeen()).isEqualTo(T0);
    assertThat(browsers.get(0).lastSeen()).isEqualTo(T0.plusSeconds(3600));
    assertThat(storage().issues().tagValues(id, "browser", 1, 10)).extracting(TagValueCount::value)
        .containsExactly("Chrome");
  }

  @Test
  void findsAnIssueByItsShortIdWithinTheProject() {
    Project project = newProject(storage());
    save(project, 0, "a");
    long second = save(project, 0, "b");
    assertThat(storage().issues().findByShortId(project.id(), 2)).map(Issue::id).hasValue(second);
    assertThat(storage().issues().findByShortId(project.id(), 3)).isEmpty();
  }

  @Test
  void searchFiltersByStatusTagsLevelTextAndSeenTimes() {
    Project project = newProject(storage());
    long a = saveTagged(project, 0, "TypeError a", "environment", "prod", "sentry:user", "email:x@y.z");
    long b = saveTagged(project, 100, "ValueError b", "environment", "staging");
    long c = save(project, 200, "KeyError c");
    storage().issues().updateStatus(List.of(c), StatusChange.simple("resolved"));

    assertThat(ids(search(project, IssueSearch.Sort.DATE))).containsExactly(c, b, a);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.StatusIs("unresolved"))))
        .containsExactly(b, a);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.StatusIs("resolved"))))
        .containsExactly(c);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.TagIs("environment", "prod", false))))
        .containsExactly(a);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.TagIs("environment", "prod", true))))
        .containsExactly(c, b);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.HasTag("sentry:user", false))))
        .containsExactly(a);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.HasTag("environment", true))))
        .containsExactly(c);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.LevelIs("error", false))))
        .containsExactly(c, b, a);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.LevelIs("error", true)))).isEmpty();
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.Text("valueERROR")))).containsExactly(b);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.Text("app.main")))).hasSize(3);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.Text("50%")))).isEmpty();
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.SeenBound(
        IssueSearch.Field.LAST_SEEN, IssueSearch.Op.GT, T0.plusSeconds(100))))).containsExactly(c);
    assertThat(ids(search(project, IssueSearch.Sort.DATE, new IssueSearch.SeenBound(
        IssueSearch.Field.FIRST_SEEN, IssueSearch.Op.LTE, T0.plusSeconds(100))))).containsExactly(b, a);
    assertThat(storage().issues().count(search(project, IssueSearch.Sort.DATE), 1000)).isEqualTo(3);
    assertThat(storage().issues().count(search(project, IssueSearch.Sort.DATE), 2)).isEqualTo(2);
  }

  @Test
  void searchSortsByDateNewFrequencyAndUsersAndPages() {
    Project project = newProject(storage());
    long a = saveTagged(project, 0, "a", "sentry:user", "id:1");
    saveTagged(project, 300, "a", "sentry:user", "id:2");
    saveTagged(project, 301, "a", "sentry:user", "id:3");
    long b = saveTagged(project, 100, "b", "sentry:user", "id:1");
    saveTagged(project, 400, "b", "sentry:user", "id:1");
    long c = save(project, 200, "c");

    assertThat(ids(search(project, IssueSearch.Sort.DATE))).containsExactly(b, a, c);
    assertThat(ids(search(project, IssueSearch.Sort.NEW))).containsExactly(c, b, a);
    assertThat(ids(search(project, IssueSearch.Sort.FREQ))).containsExactly(a, b, c);
    assertThat(ids(search(project, IssueSearch.Sort.USER))).containsExactly(a, b, c);
    assertThat(storage().issues().search(search(project, IssueSearch.Sort.DATE), 1, 1))
        .extracting(Issue::id).containsExactly(a);
    assertThat(storage().issues().search(new IssueSearch(Set.of(), List.of(), IssueSearch.Sort.DATE, T0), 0, 10))
        .isEmpty();
  }

  @Test
  void anExpiredIgnoreCountsAsUnresolvedInSearch() {
    Project project = newProject(storage());
    long id = save(project, 0, "snoozed");
    storage().issues().updateStatus(List.of(id),
        new StatusChange("ignored", "{}", null, null, T0.plusSeconds(60), null, null));
    IssueSearch before = new IssueSearch(Set.of(project.id()), List.of(new IssueSearch.StatusIs("ignored")),
        IssueSearch.Sort.DATE, T0.plusSeconds(59));
    IssueSearch after = new IssueSearch(Set.of(project.id()), List.of(new IssueSearch.StatusIs("unresolved")),
        IssueSearch.Sort.DATE, T0.plusSeconds(60));
    assertThat(ids(before)).containsExactly(id);
    assertThat(ids(after)).containsExactly(id);
  }
}

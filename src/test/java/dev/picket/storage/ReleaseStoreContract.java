package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static dev.picket.storage.Fixtures.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.ArtifactFile;
import dev.picket.model.Deploy;
import dev.picket.model.Project;
import dev.picket.model.Release;
import dev.picket.model.ReleaseChanges;
import dev.picket.model.ReleaseStats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ReleaseStore} and {@link ArtifactStore} must show; one subclass per backend. */
public abstract class ReleaseStoreContract {
  protected abstract Storage storage();

  @Test
  void upsertCreatesOnceThenAddsProjectsAndAppliesChanges() {
    Project project = newProject(storage());
    ReleaseStore releases = storage().releases();
    ReleaseStore.Upsert first = releases.upsert(project.organizationId(), "1.0", Set.of(project.id()),
        new ReleaseChanges("ref", null, null, null, null), T0);
    assertThat(first.created()).isTrue();
    assertThat(first.release().ref()).isEqualTo("ref");
    assertThat(first.release().dateCreated()).isEqualTo(T0);
    assertThat(first.release().status()).isEqualTo("open");
    assertThat(first.release().projectIds()).containsExactly(project.id());

    ReleaseStore.Upsert again = releases.upsert(project.organizationId(), "1.0", Set.of(),
        new ReleaseChanges(null, "https://x", null, T0.plusSeconds(5), "archived"), T0.plusSeconds(9));
    assertThat(again.created()).isFalse();
    Release r = again.release();
    assertThat(r.id()).isEqualTo(first.release().id());
    assertThat(r.ref()).isEqualTo("ref");
    assertThat(r.url()).isEqualTo("https://x");
    assertThat(r.dateReleased()).isEqualTo(T0.plusSeconds(5));
    assertThat(r.status()).isEqualTo("archived");
    assertThat(releases.find(project.organizationId(), "1.0")).contains(r);
    assertThat(releases.find(project.organizationId(), "1.1")).isEmpty();
  }

  @Test
  void listIsNewestFirstAndFiltersByProjectAndQuery() {
    Project a = newProject(storage());
    Project b = storage().projects().createProject(a.organizationId(),
        storage().projects().teamsOf(a.id()).get(0), "b-" + a.slug(), "B", a.groupingConfig());
    ReleaseStore releases = storage().releases();
    releases.upsert(a.organizationId(), "app@1", Set.of(a.id()), ReleaseChanges.NONE, T0);
    releases.upsert(a.organizationId(), "app@2", Set.of(b.id()), ReleaseChanges.NONE, T0.plusSeconds(1));
    releases.upsert(a.organizationId(), "lib_%", Set.of(a.id(), b.id()), ReleaseChanges.NONE, T0.plusSeconds(2));
    long org = a.organizationId();
    assertThat(versions(releases.list(org, Set.of(), null, 0, 10))).containsExactly("lib_%", "app@2", "app@1");
    assertThat(versions(releases.list(org, Set.of(a.id()), "", 0, 10))).containsExactly("lib_%", "app@1");
    assertThat(versions(releases.list(org, Set.of(), "app", 1, 10))).containsExactly("app@1");
    assertThat(versions(releases.list(org, Set.of(), "_%", 0, 10))).containsExactly("lib_%");
  }

  @Test
  void deploysStatsAndDelete() {
    Project project = newProject(storage());
    ReleaseStore releases = storage().releases();
    Release r = releases.upsert(project.organizationId(), "2.0", Set.of(project.id()), ReleaseChanges.NONE, T0)
        .release();
    Deploy first = releases.addDeploy(r.id(), "staging", null, null, null, T0);
    Deploy second = releases.addDeploy(r.id(), "prod", "n", "u", T0, T0.plusSeconds(60));
    assertThat(releases.deploys(r.id())).containsExactly(second, first);
    ReleaseStats stats = releases.stats(r);
    assertThat(stats.deployCount()).isEqualTo(2);
    assertThat(stats.lastDeploy()).isEqualTo(second);
    assertThat(stats.newGroups()).isZero();
    assertThat(stats.firstEvent()).isNull();

    assertThat(releases.delete(r.id())).isTrue();
    assertThat(releases.delete(r.id())).isFalse();
    assertThat(releases.find(project.organizationId(), "2.0")).isEmpty();
    assertThat(releases.deploys(r.id())).isEmpty();
  }

  @Test
  void anEventsReleaseBecomesAnOrganizationReleaseOfItsProject() {
    Project project = newProject(storage());
    storage().events().saveBatch(List.of(tagged(event(project.id(), T0, List.of("h"), "t"),
        "sentry:release", "from-event")));
    Release r = storage().releases().find(project.organizationId(), "from-event").orElseThrow();
    assertThat(r.projectIds()).containsExactly(project.id());
    ReleaseStats stats = storage().releases().stats(r);
    assertThat(stats.newGroups()).isEqualTo(1);
    assertThat(stats.firstEvent()).isEqualTo(T0);
    assertThat(stats.lastEvent()).isEqualTo(T0);
  }

  @Test
  void chunksAreMissingUntilSavedAndBundlesKeepTheirFilesPerRelease() {
    Project project = newProject(storage());
    long org = project.organizationId();
    ArtifactStore artifacts = storage().artifacts();
    String sha1 = "a".repeat(40);
    assertThat(artifacts.missingChunks(org, List.of(sha1, "b".repeat(40)))).containsExactly(sha1, "b".repeat(40));
    artifacts.saveChunk(org, sha1, new byte[] {1, 2}, T0);
    artifacts.saveChunk(org, sha1, new byte[] {1, 2}, T0);
    assertThat(artifacts.missingChunks(org, List.of(sha1, "b".repeat(40)))).containsExactly("b".repeat(40));
    assertThat(artifacts.chunk(org, sha1)).hasValueSatisfying(d -> assertThat(d).containsExactly(1, 2));

    byte[] data = "x".getBytes(StandardCharsets.UTF_8);
    ArtifactFile file = new ArtifactFile(0, "files/_/_/a.js", "~/a.js", "minified_source", "dbg",
        Map.of("debug-id", "dbg"), "s".repeat(40), 1, data);
    artifacts.saveBundle(org, "c".repeat(40), "3.0", null, List.of(file), Set.of(sha1), T0);
    artifacts.saveBundle(org, "c".repeat(40), "3.0", null, List.of(file), Set.of(sha1), T0);
    assertThat(artifacts.hasBundle(org, "c".repeat(40))).isTrue();
    assertThat(artifacts.missingChunks(org, List.of(sha1))).containsExactly(sha1);
    List<ArtifactFile> files = artifacts.releaseFiles(org, "3.0");
    assertThat(files).hasSize(1);
    assertThat(files.get(0).url()).isEqualTo("~/a.js");
    assertThat(files.get(0).headers()).containsEntry("debug-id", "dbg");
    assertThat(artifacts.releaseFiles(newProject(storage()).organizationId(), "3.0")).isEmpty();
  }

  private static List<String> versions(List<Release> releases) {
    return releases.stream().map(Release::version).toList();
  }
}

package dev.picket.storage;

import org.assertj.core.api.Assertions;
import static dev.picket.storage.Fixtures.newOrganization;
import static dev.picket.storage.Fixtures.newProject;
import static dev.picket.storage.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.model.Environment;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.Team;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ProjectStore} must show; subclassed once per backend. */
public abstract class ProjectStoreContract {
  protected abstract Storage storage();

  private ProjectStore projects() {
    return storage().projects();
  }

  @Test
  void organizationsAreFoundBySlugAndIdAndListedOldestFirst() {
    String slug = unique("acme");
    Organization first = projects().createOrganization(slug, "Acme");
    Organization second = newOrganization(storage());

    assertThat(first.slug()).isEqualTo(slug);
    assertThat(first.name()).isEqualTo("Acme");
    assertThat(projects().findOrganization(slug)).contains(first);
    assertThat(projects().findOrganization(first.id())).contains(first);
    assertThat(projects().findOrganization(unique("none"))).isEmpty();
    assertThat(projects().findOrganization(Long.MAX_VALUE)).isEmpty();
    assertThat(projects().organizations()).containsSubsequence(first, second);
  }

  @Test
  void aTakenOrganizationSlugIsAConflict() {
    Organization org = newOrganization(storage());
    assertThatThrownBy(() -> projects().createOrganization(org.slug(), "Again"))
        .isInstanceOf(Conflict.class);
    assertThat(projects().findOrganization(org.slug())).contains(org);
  }

  @Test
  void teamSlugsAreUniqueWithinTheirOrganization() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    Team team = projects().createTeam(org.id(), "backend", "Backend");

    assertThat(projects().findTeam(org.id(), "backend")).contains(team);
    assertThat(projects().findTeam(other.id(), "backend")).isEmpty();
    assertThatThrownBy(() -> projects().createTeam(org.id(), "backend", "Again"))
        .isInstanceOf(Conflict.class);
    assertThat(projects().createTeam(other.id(), "backend", "Backend").organizationId())
        .isEqualTo(other.id());
  }

  @Test
  void projectsAreFoundAndOwnedByTheirTeam() {
    Organization org = newOrganization(storage());
    Team team = projects().createTeam(org.id(), "web", "Web");
    Project project = projects().createProject(org.id(), team.id(), "shop", "Shop", "picket:v1");

    assertThat(project.organizationId()).isEqualTo(org.id());
    assertThat(project.groupingConfig()).isEqualTo("picket:v1");
    assertThat(projects().findProject(org.id(), "shop")).contains(project);
    assertThat(projects().findProject(project.id())).contains(project);
    assertThat(projects().findProject(org.id(), "nope")).isEmpty();
    assertThat(projects().findProject(Long.MAX_VALUE)).isEmpty();
    assertThat(projects().teamsOf(project.id())).containsExactly(team.id());
  }

  @Test
  void projectSlugsAreUniqueWithinTheirOrganization() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    Team team = projects().createTeam(org.id(), "t", "T");
    Team otherTeam = projects().createTeam(other.id(), "t", "T");
    projects().createProject(org.id(), team.id(), "api", "API", "g");

    assertThatThrownBy(() -> projects().createProject(org.id(), team.id(), "api", "API", "g"))
        .isInstanceOf(Conflict.class);
    assertThat(projects().createProject(other.id(), otherTeam.id(), "api", "API", "g").slug())
        .isEqualTo("api");
  }

  @Test
  void theGroupingConfigCanBeChanged() {
    Project project = newProject(storage());
    projects().updateGroupingConfig(project.id(), "picket:v2");
    assertThat(projects().findProject(project.id()).orElseThrow().groupingConfig())
        .isEqualTo("picket:v2");
  }

  @Test
  void keysAreRandomHexAndFoundByTheirPublicKey() {
    Project project = newProject(storage());
    ProjectKey first = projects().createKey(project.id(), "Default");
    ProjectKey second = projects().createKey(project.id(), "Backup");

    assertThat(first.publicKey()).matches("[0-9a-f]{32}");
    assertThat(first.secretKey()).matches("[0-9a-f]{32}");
    assertThat(first.publicKey()).isNotEqualTo(second.publicKey()).isNotEqualTo(first.secretKey());
    assertThat(first.active()).isTrue();
    assertThat(first.label()).isEqualTo("Default");
    assertThat(projects().findKey(first.publicKey())).contains(first);
    assertThat(projects().findKey("0".repeat(32))).isEmpty();
    assertThat(projects().keys(project.id())).containsExactly(first, second);
  }

  @Test
  void aDeactivatedKeyIsStillFoundButInactive() {
    Project project = newProject(storage());
    ProjectKey key = projects().createKey(project.id(), "Default");

    projects().setKeyActive(key.id(), false);
    assertThat(projects().findKey(key.publicKey()).orElseThrow().active()).isFalse();

    projects().setKeyActive(key.id(), true);
    assertThat(projects().findKey(key.publicKey()).orElseThrow().active()).isTrue();
  }

  @Test
  void listsTheProjectsOfAnOrganizationBySlug() {
    var org = Fixtures.newOrganization(storage());
    var team = storage().projects().createTeam(org.id(), "t", "T");
    var b = storage().projects().createProject(org.id(), team.id(), "b", "B", "legacy:2019-03-12");
    var a = storage().projects().createProject(org.id(), team.id(), "a", "A", "legacy:2019-03-12");
    Assertions.assertThat(storage().projects().projectsOf(org.id())).containsExactly(a, b);
    Assertions.assertThat(storage().projects().projectsOf(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void organizationsChangeSlugAndNameButNotToATakenSlug() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    String slug = unique("renamed");

    projects().updateOrganization(org.id(), slug, "Renamed");

    assertThat(projects().findOrganization(org.id()).orElseThrow().slug()).isEqualTo(slug);
    assertThat(projects().findOrganization(slug).orElseThrow().name()).isEqualTo("Renamed");
    assertThatThrownBy(() -> projects().updateOrganization(org.id(), other.slug(), "X"))
        .isInstanceOf(Conflict.class);
    assertThat(projects().findOrganization(org.id()).orElseThrow().slug()).isEqualTo(slug);
  }

  @Test
  void teamsAreListedBySlugAndDeletedWithoutTheirProjects() {
    Organization org = newOrganization(storage());
    Team b = projects().createTeam(org.id(), "b", "B");
    Team a = projects().createTeam(org.id(), "a", "A");
    Project project = projects().createProject(org.id(), b.id(), "shop", "Shop", "picket:v1");

    assertThat(projects().teams(org.id())).containsExactly(a, b);
    assertThat(projects().projectsOfTeam(b.id())).containsExactly(project);
    assertThat(projects().projectsOfTeam(a.id())).isEmpty();

    projects().deleteTeam(b.id());

    assertThat(projects().teams(org.id())).containsExactly(a);
    assertThat(projects().findProject(project.id())).contains(project);
    assertThat(projects().teamsOf(project.id())).isEmpty();
  }

  @Test
  void projectsChangeSlugNameAndPlatformButNotToATakenSlug() {
    Project project = newProject(storage());
    Team team = projects().createTeam(project.organizationId(), "other", "Other");
    projects().createProject(project.organizationId(), team.id(), "taken", "Taken", "picket:v1");

    projects().updateProject(project.id(), "renamed", "Renamed", "java");

    Project updated = projects().findProject(project.id()).orElseThrow();
    assertThat(updated.slug()).isEqualTo("renamed");
    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.platform()).isEqualTo("java");
    assertThatThrownBy(() -> projects().updateProject(project.id(), "taken", "X", null))
        .isInstanceOf(Conflict.class);
    assertThat(projects().findProject(project.id())).contains(updated);
  }

  @Test
  void aDeletedProjectDisappearsFreesItsSlugAndItsKeysStopWorking() {
    Project project = newProject(storage());
    ProjectKey key = projects().createKey(project.id(), "Default");
    long team = projects().teamsOf(project.id()).get(0);

    projects().deleteProject(project.id());

    assertThat(projects().findProject(project.id())).isEmpty();
    assertThat(projects().findProject(project.organizationId(), project.slug())).isEmpty();
    assertThat(projects().projectsOf(project.organizationId())).isEmpty();
    assertThat(projects().projectsOfTeam(team)).isEmpty();
    assertThat(projects().findKey(key.publicKey()).orElseThrow().active()).isFalse();
    assertThat(projects().createProject(project.organizationId(), team, project.slug(), "Again", "picket:v1")
        .slug()).isEqualTo(project.slug());
  }

  @Test
  void environmentsComeFromTheEnvironmentTagAndKeepTheirHiddenFlag() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    storage().events().saveBatch(java.util.List.of(
        Fixtures.tagged(Fixtures.event(project.id(), Fixtures.T0, java.util.List.of("a"), "A"),
            "environment", "prod", "sentry:user", "id:2"),
        Fixtures.tagged(Fixtures.event(project.id(), Fixtures.T0, java.util.List.of("b"), "B"),
            "environment", "dev", "sentry:user", "id:1"),
        Fixtures.tagged(Fixtures.event(project.id(), Fixtures.T0, java.util.List.of("a"), "A"),
            "environment", "prod", "sentry:user", "id:1"),
        Fixtures.tagged(Fixtures.event(other.id(), Fixtures.T0, java.util.List.of("a"), "A"),
            "environment", "staging", "sentry:user", "id:9")));

    assertThat(projects().environments(project.id())).extracting(Environment::name)
        .containsExactly("dev", "prod");
    assertThat(projects().setEnvironmentHidden(project.id(), "dev", true)).isTrue();
    assertThat(projects().setEnvironmentHidden(project.id(), "staging", true)).isFalse();
    assertThat(projects().environments(project.id())).extracting(Environment::hidden)
        .containsExactly(true, false);
    assertThat(projects().users(project.id(), 0, 10)).containsExactly("id:1", "id:2");
    assertThat(projects().users(project.id(), 1, 10)).containsExactly("id:2");
    assertThat(projects().users(project.id(), 0, 1)).containsExactly("id:1");
  }

  @Test
  void aKeyMayBeCreatedWithGivenKeysAndRateLimit() {
    Project project = newProject(storage());
    String pub = java.util.UUID.randomUUID().toString().replace("-", "");
    ProjectKey key = projects().createKey(project.id(), "Given", pub, "b".repeat(32),
        new dev.picket.model.RateLimit(60, 100));

    assertThat(key.publicKey()).isEqualTo(pub);
    assertThat(key.secretKey()).isEqualTo("b".repeat(32));
    assertThat(key.rateLimit()).isEqualTo(new dev.picket.model.RateLimit(60, 100));
    assertThat(projects().findKey(pub)).contains(key);

    ProjectKey generated = projects().createKey(project.id(), "", null, null, null);
    assertThat(generated.publicKey()).matches("[0-9a-f]{32}");
    assertThat(generated.secretKey()).matches("[0-9a-f]{32}");
    assertThat(generated.rateLimit()).isNull();
    assertThat(projects().findKey(generated.publicKey())).contains(generated);
  }

  @Test
  void aTakenPublicKeyIsAConflict() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    ProjectKey key = projects().createKey(project.id(), "Default");

    assertThatThrownBy(() -> projects().createKey(other.id(), "Copy", key.publicKey(), null, null))
        .isInstanceOf(Conflict.class);
    assertThat(projects().keys(other.id())).noneMatch(k -> k.publicKey().equals(key.publicKey()));
  }

  @Test
  void keysAreRenamedAndDeleted() {
    Project project = newProject(storage());
    ProjectKey kept = projects().createKey(project.id(), "Kept");
    ProjectKey gone = projects().createKey(project.id(), "Gone");

    projects().setKeyLabel(kept.id(), "Renamed");
    projects().deleteKey(gone.id());
    projects().deleteKey(Long.MAX_VALUE);

    assertThat(projects().findKey(kept.publicKey()).orElseThrow().label()).isEqualTo("Renamed");
    assertThat(projects().findKey(gone.publicKey())).isEmpty();
    assertThat(projects().keys(project.id())).extracting(ProjectKey::publicKey)
        .containsExactly(kept.publicKey());
  }
}

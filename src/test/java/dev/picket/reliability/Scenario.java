package dev.picket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.reliability.PicketProcess.Storage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The steps and checks the reliability tests share. */
final class Scenario {
  private Scenario() {}

  /** A project of the default organization with its DSN parts, and a token that can read it. */
  record Project(String slug, long id, String publicKey, String token) {}

  /**
   * With the CLI, as an operator would: a superuser (owner of the default organization), a token
   * and a fresh project, so tests on a shared PostgreSQL never see each other's events.
   */
  static Project createProjectAndToken(Storage storage, String slug) {
    String email = slug + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    PicketProcess.cli(storage, "createuser", "--email", email, "--password", "secret", "--superuser");
    String token = PicketProcess.cli(storage, "token", "create", "--user", email,
        "--scopes", "project:read,event:read,org:read");
    String dsn = PicketProcess.cli(storage, "project", "create", "--org", "sentry", "--slug", slug);
    String publicKey = dsn.substring(dsn.indexOf("//") + 2, dsn.indexOf('@'));
    long id = Long.parseLong(dsn.substring(dsn.lastIndexOf('/') + 1));
    return new Project(slug, id, publicKey, token);
  }

  /** Lets the load run for {@code atLeast} and until {@code minAcknowledged} 200s (bounded by a minute). */
  static void awaitLoad(IngestLoad load, Duration atLeast, int minAcknowledged) throws InterruptedException {
    long start = System.nanoTime();
    long min = atLeast.toNanos();
    long max = Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() - start < max
        && (System.nanoTime() - start < min || load.acknowledgedSoFar() < minAcknowledged)) {
      Thread.sleep(50);
    }
  }

  /** Every issue counts exactly its stored events, and at least every acknowledged event is stored. */
  static void assertCountersExact(List<StoredIssues.Row> issues, int acknowledged) {
    assertThat(issues).as("issues").isNotEmpty();
    assertThat(issues).allSatisfy(issue -> assertThat(issue.timesSeen())
        .as("times_seen of issue %d", issue.issueId()).isEqualTo(issue.storedEvents()));
    assertThat(StoredIssues.storedEvents(issues)).as("stored events").isGreaterThanOrEqualTo(acknowledged);
  }

  /** The acknowledged events of one fingerprint all belong to one issue, and no issue is extra. */
  static void assertOneIssuePerFingerprint(Map<String, String> fingerprintOf, Map<String, String> issueOf,
      List<StoredIssues.Row> issues) {
    Map<String, Set<String>> issuesByFingerprint = fingerprintOf.entrySet().stream()
        .filter(e -> issueOf.containsKey(e.getKey()))
        .collect(Collectors.groupingBy(Map.Entry::getValue,
            Collectors.mapping(e -> issueOf.get(e.getKey()), Collectors.toSet())));
    assertThat(issuesByFingerprint).allSatisfy((fingerprint, ids) ->
        assertThat(ids).as("issues of fingerprint %s", fingerprint).hasSize(1));
    assertThat(issues).as("issues in the project, one per fingerprint").hasSize(issuesByFingerprint.size());
  }
}

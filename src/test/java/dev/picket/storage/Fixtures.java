package dev.picket.storage;

import dev.picket.model.EventId;
import dev.picket.model.EventTag;
import dev.picket.model.IssueSummary;
import dev.picket.model.NewEvent;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Team;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builders for the contract tests; every test makes its own organization and project. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

  private Fixtures() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  static Organization newOrganization(Storage storage) {
    String slug = unique("org");
    return storage.projects().createOrganization(slug, "Org " + slug);
  }

  static Project newProject(Storage storage) {
    Organization org = newOrganization(storage);
    Team team = storage.projects().createTeam(org.id(), "team", "Team");
    return storage.projects().createProject(org.id(), team.id(), "app", "App", "picket:2024-05");
  }

  static IssueSummary summary(String title) {
    return new IssueSummary(title, "app.Main in run", "error", "error",
        "{\"type\":\"" + title + "\"}", "root");
  }

  static NewEvent event(long projectId, Instant timestamp, List<String> hashes, String title) {
    return event(projectId, EventId.random(), timestamp, hashes, title);
  }

  static NewEvent event(
      long projectId, EventId id, Instant timestamp, List<String> hashes, String title) {
    byte[] payload = ("{\"event_id\":\"" + id.hex() + "\",\"message\":\"" + title + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    return new NewEvent(projectId, id, timestamp, timestamp.plusMillis(5), hashes,
        summary(title), payload);
  }

  /** An event carrying tags, e.g. {@code tagged(e, "sentry:release", "1.0", "sentry:user", "id:1")}. */
  static NewEvent tagged(NewEvent e, String... keyValues) {
    List<EventTag> tags = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      tags.add(new EventTag(keyValues[i], keyValues[i + 1]));
    }
    return new NewEvent(e.projectId(), e.eventId(), e.timestamp(), e.received(), e.hashes(),
        e.summary(), e.payload(), tags);
  }

  static NewEvent withPayload(NewEvent e, byte[] payload) {
    return new NewEvent(e.projectId(), e.eventId(), e.timestamp(), e.received(), e.hashes(),
        e.summary(), payload, e.tags());
  }
}

package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.storage.PostgresTestDatabase;
import dev.picket.support.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same server on PostgreSQL (DATABASE_URL): the seed round trip and issue navigation. */
class PostgresEndToEndTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir, PostgresTestDatabase.databaseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void seedEvent_roundTripsOnPostgres() throws Exception {
    JsonNode event = SeedRoundTripTest.sendSeedAndRead(server, server.newProject());
    assertThat(event.get("fingerprints").get(0).asText()).isEqualTo("c4a4d06bc314205bb3b6bdb612dde7f1");
    assertThat(event.get("message").asText()).isEqualTo("This is an example Python exception");
  }

  @Test
  void eventsOfOneIssue_navigateOnPostgres() throws Exception {
    Project project = server.newProject();
    double now = Instant.now().getEpochSecond();
    EventNavigationTest.send(server, project, "1".repeat(32), "pg bug", now - 5);
    EventNavigationTest.send(server, project, "2".repeat(32), "pg bug", now);
    String token = server.token(project, Role.MEMBER, "project:read");
    JsonNode first = EventNavigationTest.read(server, project, token, "1".repeat(32));
    assertThat(first.get("nextEventID").asText()).isEqualTo("2".repeat(32));
  }
}

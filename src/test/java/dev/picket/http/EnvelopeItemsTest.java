package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.config.Limits;
import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.protocol.Envelope;
import dev.picket.protocol.EnvelopeItem;
import dev.picket.protocol.EnvelopeParser;
import dev.picket.support.SharedFixtures;
import dev.picket.support.SqliteServerTest;
import dev.picket.support.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envelope items besides the event, end to end: attachments stored with their event and served
 * byte-identical, the attachment size cap, user feedback ({@code user_report}, {@code feedback},
 * {@code POST .../user-feedback/}) shown as {@code userReport}, counts of the dropped item types,
 * and the scopes of the new endpoints.
 */
class EnvelopeItemsTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path smallLimitDir;

  private HttpResponse<byte[]> postEnvelope(Project project, byte[] body) {
    HttpRequest request = server.request("/api/" + project.id() + "/envelope/")
        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + server.key(project).publicKey())
        .POST(BodyPublishers.ofByteArray(body)).build();
    try {
      return HttpClientHolder.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class HttpClientHolder {
    static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();
  }

  private static byte[] envelope(String header, Object... itemsHeaderThenPayload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < itemsHeaderThenPayload.length; i += 2) {
      byte[] payload = itemsHeaderThenPayload[i + 1] instanceof byte[] b ? b
          : itemsHeaderThenPayload[i + 1].toString().getBytes(StandardCharsets.UTF_8);
      String itemHeader = itemsHeaderThenPayload[i].toString();
      itemHeader = itemHeader.substring(0, itemHeader.length() - 1) + ",\"length\":" + payload.length + "}";
      out.writeBytes((itemHeader + "\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(payload);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private String base(Project project) {
    return "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug();
  }

  private JsonNode getJson(String path, String token) throws IOException {
    HttpResponse<String> response = server.get(path, "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<byte[]> download(String path, String token) throws Exception {
    HttpRequest request = server.request(path).header("Authorization", "Bearer " + token).GET().build();
    return HttpClientHolder.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @TestFactory
  Stream<DynamicTest> sdkAttachmentCaptures_areListedAndDownloadableByteIdentical() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String sdk : List.of("python", "java", "node")) {
      Path dir = SharedFixtures.path("sdk-payloads").resolve(sdk + "-sdk-attachment").resolve("requests");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path capture : files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList()) {
          tests.add(DynamicTest.dynamicTest(sdk + "/" + capture.getFileName(), () -> replayAndCheck(capture)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests.stream();
  }

  private void replayAndCheck(Path capture) throws Exception {
    JsonNode captured = JSON.readTree(capture.toFile());
    Path bodyFile = capture.resolveSibling(capture.getFileName().toString().replace(".request.json", ".body.bin"));
    byte[] raw = Files.readAllBytes(bodyFile);
    boolean gzip = false;
    for (JsonNode header : captured.get("headers")) {
      gzip |= header.get(0).asText().equalsIgnoreCase("content-encoding") && header.get(1).asText().equals("gzip");
    }
    Envelope sent = EnvelopeParser.parse(gzip ? gunzip(raw) : raw);
    List<EnvelopeItem> sentAttachments = sent.items().stream().filter(i -> i.type().equals("attachment")).toList();

    Project project = server.newProject();
    byte[] body = SdkCapturesReplayTest.rewriteBody(raw, gzip ? "gzip" : null, server.dsn(project),
        server.key(project).publicKey());
    HttpRequest.Builder request = server.request("/api/" + project.id() + "/envelope/")
        .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + server.key(project).publicKey())
        .POST(BodyPublishers.ofByteArray(body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    HttpResponse<String> response = server.send(request.build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    if (sentAttachments.isEmpty()) {
      assertThat(server.app().storage().items().itemCounts(project.id())).containsKey("session");
      return;
    }
    String eventId = JSON.readTree(response.body()).get("id").asText();
    String token = server.token(project, Role.MEMBER, "event:read");
    JsonNode list = getJson(base(project) + "/events/" + eventId + "/attachments/", token);
    assertThat(list).hasSize(sentAttachments.size());
    for (int i = 0; i < sentAttachments.size(); i++) {
      EnvelopeItem item = sentAttachments.get(i);
      JsonNode a = list.get(i);
      assertThat(a.get("name").asText()).isEqualTo(item.headers().get("filename").asText());
      assertThat(a.get("type").asText()).isEqualTo("event.attachment");
      assertThat(a.get("size").asInt()).isEqualTo(item.payload().length);
      assertThat(a.get("event_id").asText()).isEqualTo(eventId);
      assertThat(a.get("mimetype").asText()).isEqualTo(item.headers().path("content_type").asText("text/plain"));
      assertThat(a.get("headers").get("Content-Type").asText()).isEqualTo(a.get("mimetype").asText());
      assertThat(a.get("sha1").asText()).hasSize(40);
      HttpResponse<byte[]> bytes = download(
          base(project) + "/events/" + eventId + "/attachments/" + a.get("id").asText() + "/?download=1", token);
      assertThat(bytes.statusCode()).isEqualTo(200);
      assertThat(bytes.body()).isEqualTo(item.payload());
      assertThat(bytes.headers().firstValue("Content-Type").orElseThrow()).startsWith(a.get("mimetype").asText());
      assertThat(bytes.headers().firstValue("Content-Disposition").orElseThrow())
          .isEqualTo("attachment; filename=\"" + a.get("name").asText() + "\"");
    }
    JsonNode details = getJson(base(project) + "/events/" + eventId + "/", server.token(project, Role.MEMBER, "project:read"));
    assertThat(details.get("crashFile").isNull()).isTrue();
    assertThat(details.get("userReport").isNull()).isTrue();
  }

  @Test
  void anOversizeAttachment_refusesTheWholeEnvelopeWith413AndStoresNothing() throws Exception {
    try (TestServer small = TestServer.start(smallLimitDir, null, Limits.defaults().withMaxAttachmentBytes(1000))) {
      Project project = small.newProject();
      EventId id = EventId.random();
      byte[] big = new byte[1001];
      byte[] body = envelope("{\"event_id\":\"" + id.hex() + "\"}",
          "{\"type\":\"event\"}", "{\"message\":\"with a big file\"}",
          "{\"type\":\"attachment\",\"filename\":\"big.bin\"}", big);
      HttpResponse<String> response = small.send(small.request("/api/" + project.id() + "/envelope/")
          .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + small.key(project).publicKey())
          .POST(BodyPublishers.ofByteArray(body)).build());
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("attachment");
      assertThat(small.app().storage().events().countForProject(project.id())).isZero();
      assertThat(small.app().storage().items().attachments(project.id(), id)).isEmpty();

      byte[] fits = envelope("{\"event_id\":\"" + id.hex() + "\"}",
          "{\"type\":\"attachment\",\"filename\":\"ok.bin\"}", new byte[1000]);
      HttpResponse<String> ok = small.send(small.request("/api/" + project.id() + "/envelope/")
          .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_key=" + small.key(project).publicKey())
          .POST(BodyPublishers.ofByteArray(fits)).build());
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(small.app().storage().items().attachments(project.id(), id)).hasSize(1);
    }
  }

  @Test
  void attachmentsWithoutAnEventItem_areStoredAgainstTheEnvelopeEventId() throws Exception {
    Project project = server.newProject();
    EventId id = EventId.random();
    HttpResponse<byte[]> response = postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"attachment\",\"filename\":\"late.log\",\"content_type\":\"text/plain\"}", "late bytes"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("id").asText()).isEqualTo(id.hex());
    JsonNode list = getJson(base(project) + "/events/" + id.hex() + "/attachments/",
        server.token(project, Role.MEMBER, "event:read"));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("late.log");
  }

  @Test
  void aNativeEventWithAMinidump_showsItAsCrashFile() throws Exception {
    Project project = server.newProject();
    EventId id = EventId.random();
    byte[] dump = new byte[4096];
    new Random(3).nextBytes(dump);
    HttpResponse<byte[]> response = postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"event\"}", "{\"platform\":\"native\",\"message\":\"crash\"}",
        "{\"type\":\"attachment\",\"filename\":\"upload.dmp\",\"attachment_type\":\"event.minidump\"}", dump));
    assertThat(response.statusCode()).isEqualTo(200);
    String token = server.token(project, Role.MEMBER, "event:read,project:read");
    JsonNode details = getJson(base(project) + "/events/" + id.hex() + "/", token);
    JsonNode crash = details.get("crashFile");
    assertThat(crash.get("name").asText()).isEqualTo("upload.dmp");
    assertThat(crash.get("type").asText()).isEqualTo("event.minidump");
    assertThat(crash.get("size").asInt()).isEqualTo(4096);
    assertThat(crash.get("headers").get("Content-Type").asText()).isEqualTo("application/octet-stream");
    HttpResponse<byte[]> bytes = download(base(project) + "/events/" + id.hex() + "/attachments/"
        + crash.get("id").asText() + "/?download=1", token);
    assertThat(bytes.body()).isEqualTo(dump);
  }

  @Test
  void userReportItem_isShownAsUserReportOnTheEvent() throws Exception {
    Project project = server.newProject();
    EventId id = EventId.random();
    assertThat(postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"event\"}", "{\"message\":\"boom\"}")).statusCode()).isEqualTo(200);
    String report = "{\"event_id\":\"" + id.hex() + "\",\"name\":\"Jane\",\"email\":\"jane@example.com\","
        + "\"comments\":\"It broke when I clicked\"}";
    assertThat(postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"user_report\"}", report)).statusCode()).isEqualTo(200);

    JsonNode details = getJson(base(project) + "/events/" + id.hex() + "/", server.token(project, Role.MEMBER, "project:read"));
    JsonNode userReport = details.get("userReport");
    assertThat(userReport.get("eventID").asText()).isEqualTo(id.hex());
    assertThat(userReport.get("name").asText()).isEqualTo("Jane");
    assertThat(userReport.get("email").asText()).isEqualTo("jane@example.com");
    assertThat(userReport.get("comments").asText()).isEqualTo("It broke when I clicked");
    assertThat(userReport.get("id").asText()).isNotEmpty();
    assertThat(userReport.get("dateCreated").asText()).endsWith("Z");
    assertThat(userReport.get("user").isNull()).isTrue();
    assertThat(userReport.get("event").get("id").asText()).isEqualTo(details.get("id").asText());
    assertThat(userReport.get("event").get("eventID").asText()).isEqualTo(id.hex());
  }

  @Test
  void feedbackItem_isStoredAsAUserReportOfItsAssociatedEvent() throws Exception {
    Project project = server.newProject();
    EventId id = EventId.random();
    assertThat(postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"event\"}", "{\"message\":\"boom\"}")).statusCode()).isEqualTo(200);
    EventId feedbackId = EventId.random();
    String feedback = "{\"event_id\":\"" + feedbackId.hex() + "\",\"contexts\":{\"feedback\":{"
        + "\"message\":\"The button does nothing\",\"contact_email\":\"sam@example.com\",\"name\":\"Sam\","
        + "\"associated_event_id\":\"" + id.hex() + "\"}}}";
    HttpResponse<byte[]> response = postEnvelope(project, envelope("{\"event_id\":\"" + feedbackId.hex() + "\"}",
        "{\"type\":\"feedback\"}", feedback));
    assertThat(response.statusCode()).isEqualTo(200);

    JsonNode userReport = getJson(base(project) + "/events/" + id.hex() + "/",
        server.token(project, Role.MEMBER, "project:read")).get("userReport");
    assertThat(userReport.get("name").asText()).isEqualTo("Sam");
    assertThat(userReport.get("email").asText()).isEqualTo("sam@example.com");
    assertThat(userReport.get("comments").asText()).isEqualTo("The button does nothing");
  }

  @Test
  void droppedItemTypes_areCountedAndNeverFailTheEnvelope() throws Exception {
    Project project = server.newProject();
    byte[] body = envelope("{}",
        "{\"type\":\"session\"}", "{\"sid\":\"x\"}",
        "{\"type\":\"session\"}", "{\"sid\":\"y\"}",
        "{\"type\":\"sessions\"}", "{\"aggregates\":[]}",
        "{\"type\":\"client_report\"}", "{}",
        "{\"type\":\"transaction\"}", "{\"type\":\"transaction\"}",
        "{\"type\":\"check_in\"}", "{}",
        "{\"type\":\"log\"}", "{}",
        "{\"type\":\"profile\"}", "{}",
        "{\"type\":\"replay_event\"}", "{}",
        "{\"type\":\"replay_recording\"}", "x",
        "{\"type\":\"span\"}", "{}",
        "{\"type\":\"something_new\"}", "?",
        "{\"type\":\"user_report\"}", "not json");
    HttpResponse<byte[]> response = postEnvelope(project, body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.app().storage().items().itemCounts(project.id())).isEqualTo(Map.ofEntries(
        Map.entry("session", 2L), Map.entry("sessions", 1L), Map.entry("client_report", 1L),
        Map.entry("transaction", 1L), Map.entry("check_in", 1L), Map.entry("log", 1L),
        Map.entry("profile", 1L), Map.entry("replay_event", 1L), Map.entry("replay_recording", 1L),
        Map.entry("span", 1L), Map.entry("unknown", 1L), Map.entry("invalid_user_report", 1L)));
    assertThat(postEnvelope(project, envelope("{}", "{\"type\":\"session\"}", "{}")).statusCode()).isEqualTo(200);
    assertThat(server.app().storage().items().itemCounts(project.id())).containsEntry("session", 3L);
  }

  @Test
  void userFeedbackEndpoint_postsWithATokenOrTheDsnAndLists() throws Exception {
    Project project = server.newProject();
    EventId id = EventId.random();
    assertThat(postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"event\"}", "{\"message\":\"boom\"}")).statusCode()).isEqualTo(200);
    String writer = server.token(project, Role.ADMIN, "project:write");
    String body = "{\"event_id\":\"" + id.hex() + "\",\"name\":\"Jane\",\"email\":\"jane@example.com\",\"comments\":\"Broken\"}";
    HttpResponse<String> posted = server.send(server.request(base(project) + "/user-feedback/")
        .header("Authorization", "Bearer " + writer).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(JSON.readTree(posted.body()).get("comments").asText()).isEqualTo("Broken");

    EventId other = EventId.random();
    HttpResponse<String> byDsn = server.send(server.request(base(project) + "/user-feedback/")
        .header("Authorization", "DSN " + server.dsn(project))
        .POST(BodyPublishers.ofString("{\"event_id\":\"" + other.hex() + "\",\"comments\":\"Also broken\"}")).build());
    assertThat(byDsn.statusCode()).as(byDsn.body()).isEqualTo(200);

    HttpResponse<String> invalid = server.send(server.request(base(project) + "/user-feedback/")
        .header("Authorization", "Bearer " + writer)
        .POST(BodyPublishers.ofString("{\"event_id\":\"nope\",\"email\":\"x\"}")).build());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).fieldNames()).toIterable().containsExactlyInAnyOrder("event_id", "comments", "email");

    JsonNode list = getJson(base(project) + "/user-feedback/", server.token(project, Role.MEMBER, "project:read"));
    assertThat(list).extracting(r -> r.get("comments").asText()).containsExactly("Also broken", "Broken");
    assertThat(list.get(1).get("event").get("id").isNull()).isFalse();
    assertThat(list.get(0).get("event").get("id").isNull()).isTrue();
    JsonNode details = getJson(base(project) + "/events/" + id.hex() + "/", server.token(project, Role.MEMBER, "project:read"));
    assertThat(details.get("userReport").get("name").asText()).isEqualTo("Jane");
  }

  @Test
  void newEndpoints_refuseMissingScopesAndOtherOrganizations() throws Exception {
    Project project = server.newProject();
    Project elsewhere = server.newProject();
    EventId id = EventId.random();
    postEnvelope(project, envelope("{\"event_id\":\"" + id.hex() + "\"}",
        "{\"type\":\"event\"}", "{\"message\":\"boom\"}",
        "{\"type\":\"attachment\",\"filename\":\"a.txt\"}", "secret"));
    String attachments = base(project) + "/events/" + id.hex() + "/attachments/";
    long attachmentId = server.app().storage().items().attachments(project.id(), id).get(0).id();
    String download = attachments + attachmentId + "/?download=1";
    String feedback = base(project) + "/user-feedback/";

    assertThat(server.get(attachments, null).statusCode()).isEqualTo(401);
    String projectOnly = server.token(project, Role.MEMBER, "project:read");
    assertThat(server.get(attachments, "Bearer " + projectOnly).statusCode()).isEqualTo(403);
    assertThat(server.get(download, "Bearer " + projectOnly).statusCode()).isEqualTo(403);
    String outsider = server.token(elsewhere, Role.OWNER, "event:read,project:read,project:write");
    assertThat(server.get(attachments, "Bearer " + outsider).statusCode()).isEqualTo(403);
    assertThat(server.get(download, "Bearer " + outsider).statusCode()).isEqualTo(403);
    assertThat(server.get(feedback, "Bearer " + outsider).statusCode()).isEqualTo(403);
    String eventReader = server.token(project, Role.MEMBER, "event:read");
    assertThat(server.get(feedback, "Bearer " + eventReader).statusCode()).isEqualTo(403);
    String reader = server.token(project, Role.MEMBER, "project:read");
    HttpResponse<String> readOnlyPost = server.send(server.request(feedback).header("Authorization", "Bearer " + reader)
        .POST(BodyPublishers.ofString("{\"event_id\":\"" + id.hex() + "\",\"comments\":\"x\"}")).build());
    assertThat(readOnlyPost.statusCode()).isEqualTo(403);
    HttpResponse<String> foreignDsn = server.send(server.request(feedback).header("Authorization", "DSN " + server.dsn(elsewhere))
        .POST(BodyPublishers.ofString("{\"event_id\":\"" + id.hex() + "\",\"comments\":\"x\"}")).build());
    assertThat(foreignDsn.statusCode()).isEqualTo(400);

    // an attachment of another event of the same project is not reachable through this one
    EventId otherEvent = EventId.random();
    assertThat(server.get(base(project) + "/events/" + otherEvent.hex() + "/attachments/" + attachmentId + "/?download=1",
        "Bearer " + eventReader).statusCode()).isEqualTo(404);
    assertThat(server.get(base(project) + "/events/" + otherEvent.hex() + "/attachments/", "Bearer " + eventReader)
        .statusCode()).isEqualTo(404);
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}

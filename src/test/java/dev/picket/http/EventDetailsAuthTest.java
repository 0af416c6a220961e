package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.auth.Secrets;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may read an event through the seed endpoint, and the exact answers of those who may not. */
class EventDetailsAuthTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String EVENT = "bd4bfeb72cad4167a572e14bebf526ed";

  static Project project;
  static Project otherProject;
  static String path;

  @BeforeAll
  static void start() throws Exception {
    project = server.newProject();
    otherProject = server.newProject();
    SeedRoundTripTest.sendSeedAndRead(server, project);
    path = eventPath(server.organizationOf(project).slug(), project.slug(), EVENT);
  }

  static String eventPath(String org, String slug, String event) {
    return "/api/0/projects/" + org + "/" + slug + "/events/" + event + "/";
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> refusals() {
    String other = server.organizationOf(otherProject).slug();
    return Stream.of(
        Arguments.of("no credentials", null, 401, "Authentication credentials were not provided."),
        Arguments.of("unknown bearer token", "Bearer sntryu_" + "0".repeat(64), 401, "Invalid token"),
        Arguments.of("bearer with spaces", "Bearer a b", 401,
            "Invalid token header. Token string should not contain spaces."),
        Arguments.of("unknown api key", basic("0123456789abcdef0123456789abcdef"), 401, "API key is not valid"),
        Arguments.of("basic with a password", "Basic " + Base64.getEncoder().encodeToString(
            "key:secret".getBytes(StandardCharsets.UTF_8)), 401, "Authentication credentials were not provided."),
        Arguments.of("DSN auth is not accepted here", "DSN " + server.dsn(project), 401,
            "Authentication credentials were not provided."),
        Arguments.of("token without a project scope",
            "Bearer " + server.token(project, Role.MEMBER, "event:read"), 403,
            "You do not have permission to perform this action."),
        Arguments.of("member of another organization",
            "Bearer " + server.token(otherProject, Role.OWNER, "project:read"), 403,
            "You do not have permission to perform this action."),
        Arguments.of("api key of another organization",
            basic(server.app().admin().createApiKey(other, "project:read")), 403,
            "You do not have permission to perform this action."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedRequests_getSentrysStatusAndDetail(String name, String authorization, int status, String detail)
      throws Exception {
    HttpResponse<String> response = server.get(path, authorization);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo(detail);
    if (status == 401) {
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("xBasic realm=\"api\"");
    }
  }

  @Test
  void memberToken_withProjectRead_readsTheEvent() {
    String token = server.token(project, Role.MEMBER, "project:read");
    assertThat(server.get(path, "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void apiKeyOfTheOrganization_readsTheEventWithBasicAuth() {
    String key = server.app().admin().createApiKey(server.organizationOf(project).slug(), "project:read");
    assertThat(server.get(path, basic(key)).statusCode()).isEqualTo(200);
  }

  @Test
  void superuser_readsEveryOrganizationsEvents() {
    String email = UUID.randomUUID() + "@example.com";
    server.app().admin().createUser(email, "pw", true);
    String token = server.app().admin().createToken(email, "project:read");
    assertThat(server.get(path, "Bearer " + token).statusCode()).isEqualTo(200);
  }

  @Test
  void expiredToken_isRefused() throws Exception {
    String email = UUID.randomUUID() + "@example.com";
    var user = server.app().admin().createUser(email, "pw", true);
    String token = Secrets.newUserToken();
    server.app().storage().auth().createToken(user.id(), Secrets.sha256(token), Set.of("project:read"),
        Instant.now().minusSeconds(60));
    HttpResponse<String> response = server.get(path, "Bearer " + token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo("Token expired");
  }

  @Test
  void notFoundAnswers_distinguishResourceFromEvent() throws Exception {
    String token = "Bearer " + server.token(project, Role.MEMBER, "project:read");
    String org = server.organizationOf(project).slug();
    assertDetail(server.get(eventPath("no-such-org", project.slug(), EVENT), token), 404,
        "The requested resource does not exist");
    assertDetail(server.get(eventPath(org, "no-such-project", EVENT), token), 404,
        "The requested resource does not exist");
    assertDetail(server.get(eventPath(org, project.slug(), "0".repeat(32)), token), 404, "Event not found");
    assertDetail(server.get(eventPath(org, project.slug(), "latest"), token), 404, "Event not found");
  }

  @Test
  void unauthenticatedRequestForAMissingProject_is401Not404() throws Exception {
    assertDetail(server.get(eventPath("no-such-org", "x", EVENT), null), 401,
        "Authentication credentials were not provided.");
  }

  @Test
  void apiCors_answersPreflightBeforeAuthAndAllowsTheOrigin() {
    var preflight = server.send(server.request(path).header("Origin", "https://ui.example.com")
        .header("Access-Control-Request-Method", "GET")
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ui.example.com");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");

    String token = server.token(project, Role.MEMBER, "project:read");
    var read = server.send(server.request(path).header("Origin", "https://ui.example.com")
        .header("Authorization", "Bearer " + token).GET().build());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ui.example.com");
    assertThat(read.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Link");
  }

  @Test
  void tokensAreStoredOnlyAsHashes() {
    String token = server.token(project, Role.MEMBER, "project:read");
    assertThat(server.app().storage().auth().findToken(token)).isEmpty();
    assertThat(server.app().storage().auth().findToken(Secrets.sha256(token))).isPresent();
  }

  @Test
  void apiIndex_describesTheCaller() throws Exception {
    String token = server.token(project, Role.MEMBER, "project:read,event:read");
    var body = JSON.readTree(server.get("/api/0/", "Bearer " + token).body());
    assertThat(body.get("version").asText()).isEqualTo("0");
    assertThat(body.at("/auth/scopes").toString()).isEqualTo("[\"event:read\",\"project:read\"]");
    var anonymous = JSON.readTree(server.get("/api/0/", null).body());
    assertThat(anonymous.get("auth").isNull()).isTrue();
  }

  private static void assertDetail(HttpResponse<String> response, int status, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo(detail);
  }
}

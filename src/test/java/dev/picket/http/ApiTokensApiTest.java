package dev.picket.http;

import static dev.picket.http.ApiCalls.call;
import static dev.picket.http.ApiCalls.json;
import static dev.picket.http.ProjectKeysApiTest.assertDetail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.Secrets;
import dev.picket.model.ApiToken;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.model.User;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/0/api-tokens/}: a user's own tokens, and how bearer tokens of every form authenticate. */
class ApiTokensApiTest extends SqliteServerTest {
  static Project project;

  @BeforeAll
  static void setUp() {
    project = server.newProject();
  }

  @Test
  void create_answersTheTokenOnce_andItWorks() {
    String token = server.token(project, Role.MEMBER, "org:read");
    HttpResponse<String> response = call(server, "POST", "/api/0/api-tokens/", token,
        "{\"scopes\": [\"project:read\", \"event:read\"], \"name\": \"CI\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode created = json(response);
    List<String> fields = new ArrayList<>();
    created.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("id", "name", "scopes", "application", "expiresAt", "dateCreated",
        "tokenLastCharacters", "dateLastUsed", "token");
    String plaintext = created.get("token").asText();
    assertThat(plaintext).matches("sntryu_[0-9a-f]{64}");
    assertThat(created.get("name").asText()).isEqualTo("CI");
    assertThat(created.get("scopes").toString()).isEqualTo("[\"event:read\",\"project:read\"]");
    assertThat(created.get("tokenLastCharacters").asText()).isEqualTo(plaintext.substring(plaintext.length() - 4));
    assertThat(created.get("expiresAt").isNull()).isTrue();
    assertThat(server.app().storage().auth().findToken(Secrets.sha256(plaintext))).isPresent();

    HttpResponse<String> index = call(server, "GET", "/api/0/", plaintext, null);
    assertThat(json(index).get("auth").get("scopes").toString()).isEqualTo("[\"event:read\",\"project:read\"]");

    JsonNode list = json(call(server, "GET", "/api/0/api-tokens/", plaintext, null));
    assertThat(list).hasSize(2);
    assertThat(list.toString()).doesNotContain(plaintext);
    assertThat(list.get(1).get("id").asText()).isEqualTo(created.get("id").asText());
    assertThat(list.get(1).has("token")).isFalse();
  }

  @Test
  void create_refusesMissingOrUnknownScopes() {
    String token = server.token(project, Role.MEMBER, "org:read");
    HttpResponse<String> missing = call(server, "POST", "/api/0/api-tokens/", token, "{\"name\": \"x\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).isEqualTo("{\"scopes\":[\"This field is required.\"]}");
    HttpResponse<String> unknown = call(server, "POST", "/api/0/api-tokens/", token, "{\"scopes\": [\"root\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).isEqualTo("{\"scopes\":[\"\\\"root\\\" is not a valid choice.\"]}");
  }

  @Test
  void aUser_seesAndDeletesOnlyTheirOwnTokens() {
    String mine = server.token(project, Role.MEMBER, "org:read");
    String theirs = server.token(project, Role.OWNER, "org:read");
    String theirId = json(call(server, "GET", "/api/0/api-tokens/", theirs, null)).get(0).get("id").asText();

    JsonNode myList = json(call(server, "GET", "/api/0/api-tokens/", mine, null));
    assertThat(myList).hasSize(1);
    assertThat(myList.get(0).get("id").asText()).isNotEqualTo(theirId);

    assertDetail(call(server, "DELETE", "/api/0/api-tokens/" + theirId + "/", mine, null), 404,
        "The requested resource does not exist");
    assertThat(call(server, "DELETE", "/api/0/api-tokens/", mine, "{\"tokenId\": " + theirId + "}").statusCode())
        .isEqualTo(204);
    assertThat(call(server, "GET", "/api/0/", theirs, null).body()).contains("org:read");
    assertThat(json(call(server, "GET", "/api/0/api-tokens/", theirs, null))).hasSize(1);
  }

  @Test
  void delete_byBodyOrPath_revokesTheToken() {
    String token = server.token(project, Role.MEMBER, "org:read");
    JsonNode extra = json(call(server, "POST", "/api/0/api-tokens/", token, "{\"scopes\": [\"org:read\"]}"));
    String extraToken = extra.get("token").asText();

    assertThat(call(server, "DELETE", "/api/0/api-tokens/", token, "{\"tokenId\": \"" + extra.get("id").asText() + "\"}")
        .statusCode()).isEqualTo(204);
    assertDetail(call(server, "GET", "/api/0/api-tokens/", extraToken, null), 401, "Invalid token");

    String ownId = json(call(server, "GET", "/api/0/api-tokens/", token, null)).get(0).get("id").asText();
    assertThat(call(server, "DELETE", "/api/0/api-tokens/" + ownId + "/", token, null).statusCode()).isEqualTo(204);
    assertDetail(call(server, "GET", "/api/0/api-tokens/", token, null), 401, "Invalid token");

    HttpResponse<String> noId = call(server, "DELETE", "/api/0/api-tokens/",
        server.token(project, Role.MEMBER, "org:read"), "{}");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body()).isEqualTo("{\"tokenId\":null}");
  }

  @Test
  void organizationCredentials_andAnonymous_areRefused() {
    String org = server.organizationOf(project).slug();
    assertDetail(call(server, "GET", "/api/0/api-tokens/", null, null), 401,
        "Authentication credentials were not provided.");
    String apiKey = EventDetailsAuthTest.basic(server.app().admin().createApiKey(org, "org:read"));
    assertDetail(call(server, "GET", "/api/0/api-tokens/", apiKey, null), 403,
        "You do not have permission to perform this action.");
    String orgToken = server.app().admin().createOrgToken(org, "CI");
    assertDetail(call(server, "POST", "/api/0/api-tokens/", orgToken, "{\"scopes\": [\"org:read\"]}"), 403,
        "You do not have permission to perform this action.");
  }

  @Test
  void legacy64HexTokens_withoutPrefix_authenticate() {
    User user = newUser();
    String legacy = Secrets.randomHex(32);
    assertThat(legacy).matches("[0-9a-f]{64}");
    server.app().storage().auth().createToken(user.id(), Secrets.sha256(legacy), Set.of("org:read"), null);

    HttpResponse<String> response = call(server, "GET", "/api/0/", legacy, null);
    assertThat(json(response).get("auth").get("scopes").toString()).isEqualTo("[\"org:read\"]");
    assertThat(json(response).get("user").get("id").asText()).isEqualTo(String.valueOf(user.id()));
  }

  @Test
  void expiry_isHonoured() {
    User user = newUser();
    String live = Secrets.newUserToken();
    String dead = Secrets.newUserToken();
    var auth = server.app().storage().auth();
    auth.createToken(user.id(), Secrets.sha256(live), Set.of("org:read"), Instant.now().plusSeconds(3600));
    auth.createToken(user.id(), Secrets.sha256(dead), Set.of("org:read"), Instant.now().minusSeconds(1));

    assertThat(call(server, "GET", "/api/0/api-tokens/", live, null).statusCode()).isEqualTo(200);
    assertDetail(call(server, "GET", "/api/0/api-tokens/", dead, null), 401, "Token expired");
  }

  @Test
  void eachUse_isRecordedAsLastUsed() {
    User user = newUser();
    String token = Secrets.newUserToken();
    ApiToken stored = server.app().storage().auth()
        .createToken(user.id(), Secrets.sha256(token), Set.of("org:read"), null);
    assertThat(stored.lastUsed()).isNull();

    Instant before = Instant.now().minusSeconds(1);
    JsonNode list = json(call(server, "GET", "/api/0/api-tokens/", token, null));
    Instant used = server.app().storage().auth().findToken(stored.tokenHash()).orElseThrow().lastUsed();
    assertThat(used).isAfter(before);
    assertThat(list.get(0).get("dateLastUsed").asText()).endsWith("Z");
  }

  private static User newUser() {
    return server.app().admin().createUser(UUID.randomUUID() + "@example.com", "pw", false);
  }
}

package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The issues API: lists, search, sort, pagination, details, status changes, merge, delete, events, tags. */
class IssuesApiTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Sends an event and returns its id. */
  static String send(Project project, String message, String extra) {
    String id = java.util.UUID.randomUUID().toString().replace("-", "");
    String body = "{\"event_id\":\"" + id + "\",\"message\":\"" + message + "\",\"timestamp\":"
        + Instant.now().getEpochSecond() + extra + "}";
    HttpResponse<String> response = server.send(server.request("/api/" + project.id() + "/store/")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + server.key(project).publicKey() + ",sentry_version=7")
        .POST(BodyPublishers.ofString(body)).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return id;
  }

  static String base(Project project) {
    return "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug();
  }

  static HttpResponse<String> get(String path, String token) {
    return server.get(path, token == null ? null : "Bearer " + token);
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static HttpResponse<String> send(String method, String path, String token, String body) {
    return server.send(server.request(path).header("Authorization", "Bearer " + token)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build());
  }

  static List<String> titles(JsonNode list) {
    List<String> titles = new ArrayList<>();
    list.forEach(i -> titles.add(i.get("title").asText()));
    return titles;
  }

  @Test
  void projectIssues_haveSentrysStreamShapeStatsAndHeaders() throws Exception {
    Project project = server.newProject();
    send(project, "boom", ",\"release\":\"1.0\",\"user\":{\"id\":\"u1\"},\"logger\":\"app\"");
    send(project, "boom", ",\"release\":\"1.1\",\"user\":{\"id\":\"u2\"},\"logger\":\"app\"");
    String token = server.token(project, Role.MEMBER, "event:read");

    HttpResponse<String> response = get(base(project) + "/issues/", token);
    JsonNode list = json(response, 200);
    assertThat(list).hasSize(1);
    JsonNode issue = list.get(0);
    assertThat(issue.get("shortId").asText()).isEqualTo("WEB-1");
    assertThat(issue.get("count").asText()).isEqualTo("2");
    assertThat(issue.get("userCount").asInt()).isEqualTo(2);
    assertThat(issue.get("title").asText()).isEqualTo("boom");
    assertThat(issue.get("status").asText()).isEqualTo("unresolved");
    assertThat(issue.get("statusDetails").isEmpty()).isTrue();
    assertThat(issue.get("permalink").isNull()).isTrue();
    assertThat(issue.get("logger").asText()).isEqualTo("app");
    assertThat(issue.get("project").get("slug").asText()).isEqualTo("web");
    assertThat(issue.get("project").get("id").asText()).isEqualTo(String.valueOf(project.id()));
    assertThat(issue.get("numComments").asInt()).isZero();
    assertThat(issue.get("assignedTo").isNull()).isTrue();
    JsonNode stats = issue.get("stats").get("24h");
    assertThat(stats).hasSize(24);
    assertThat(stats.get(23).get(1).asLong()).isEqualTo(2);
    assertThat(stats.get(23).get(0).asLong() % 3600).isZero();
    assertThat(response.headers().firstValue("X-Hits")).hasValue("1");
    assertThat(response.headers().firstValue("X-Max-Hits")).hasValue("1000");
    String url = server.baseUrl().replace(":" + server.app().port(), "") + base(project) + "/issues/";
    assertThat(response.headers().firstValue("Link")).hasValue(
        "<" + url + "?&cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", "
            + "<" + url + "?&cursor=0:100:0>; rel=\"next\"; results=\"false\"; cursor=\"0:100:0\"");

    JsonNode daily = json(get(base(project) + "/issues/?statsPeriod=14d", token), 200).get(0).get("stats");
    assertThat(daily.get("14d")).hasSize(14);
    assertThat(daily.get("14d").get(13).get(1).asLong()).isEqualTo(2);
    assertThat(json(get(base(project) + "/issues/?statsPeriod=", token), 200).get(0).has("stats")).isFalse();
    assertThat(json(get(base(project) + "/issues/?statsPeriod=1h", token), 400).get("detail").asText())
        .isEqualTo("Invalid stats_period. Valid choices are '', '24h', and '14d'");
  }

  @Test
  void pagination_walksPagesWithCursorsAndKeepsOtherParameters() throws Exception {
    Project project = server.newProject();
    for (int i = 0; i < 5; i++) {
      send(project, "bug " + i, "");
    }
    String token = server.token(project, Role.MEMBER, "event:read");
    List<String> seen = new ArrayList<>();
    String path = base(project) + "/issues/?limit=2&sort=new";
    for (int page = 0; page < 3; page++) {
      HttpResponse<String> response = get(path, token);
      JsonNode list = json(response, 200);
      seen.addAll(titles(list));
      String link = response.headers().firstValue("Link").orElseThrow();
      assertThat(link).contains("?limit=2&sort=new&cursor=");
      assertThat(link).contains("rel=\"previous\"; results=\"" + (page > 0) + "\"");
      assertThat(link).contains("rel=\"next\"; results=\"" + (page < 2) + "\"");
      String next = link.substring(link.lastIndexOf("cursor=\"") + 8, link.length() - 1);
      path = base(project) + "/issues/?limit=2&sort=new&cursor=" + next;
      assertThat(response.headers().firstValue("X-Hits")).hasValue("5");
    }
    assertThat(seen).containsExactlyInAnyOrder("bug 0", "bug 1", "bug 2", "bug 3", "bug 4");
    assertThat(json(get(base(project) + "/issues/?cursor=bogus", token), 400).get("detail").asText())
        .isEqualTo("Invalid cursor parameter.");
    assertThat(json(get(base(project) + "/issues/?limit=101", token), 400).get("detail").asText())
        .isEqualTo("Invalid per_page value. Cannot exceed 100.");
  }

  @Test
  void search_andSort_caseByCase() throws Exception {
    Project project = server.newProject();
    send(project, "alpha", ",\"environment\":\"prod\",\"user\":{\"email\":\"a@x.io\"},\"tags\":{\"browser\":\"Mobile Safari\"}");
    send(project, "beta", ",\"environment\":\"staging\",\"release\":\"2.0\",\"level\":\"warning\","
        + "\"user\":{\"id\":\"2\"}");
    send(project, "beta", ",\"environment\":\"staging\",\"release\":\"2.0\",\"level\":\"warning\","
        + "\"user\":{\"id\":\"1\"}");
    String gamma = send(project, "gamma", ",\"user\":{\"id\":\"1\"}");
    String token = server.token(project, Role.MEMBER, "event:read");
    String issues = base(project) + "/issues/?query=";

    assertThat(titles(json(get(issues + "environment:prod", token), 200))).containsExactly("alpha");
    assertThat(titles(json(get(issues + "!environment:prod%20has:environment", token), 200)))
        .containsExactly("beta");
    assertThat(titles(json(get(issues + "browser:%22Mobile%20Safari%22", token), 200))).containsExactly("alpha");
    assertThat(titles(json(get(issues + "release:2.0", token), 200))).containsExactly("beta");
    assertThat(titles(json(get(issues + "level:warning", token), 200))).containsExactly("beta");
    assertThat(titles(json(get(issues + "user.email:a@x.io", token), 200))).containsExactly("alpha");
    assertThat(titles(json(get(issues + "GAM", token), 200))).containsExactly("gamma");
    assertThat(titles(json(get(issues + "lastSeen:-1h", token), 200))).hasSize(3);
    assertThat(titles(json(get(issues + "firstSeen:%2B1h", token), 200))).isEmpty();
    assertThat(titles(json(get(issues + "is:resolved", token), 200))).isEmpty();
    assertThat(json(get(issues + "is:nonsense", token), 400).get("detail").asText())
        .startsWith("Error parsing search query: ");
    assertThat(titles(json(get(base(project) + "/issues/?sort=freq", token), 200)).get(0)).isEqualTo("beta");
    assertThat(titles(json(get(base(project) + "/issues/?sort=user", token), 200))).startsWith("beta");
    assertThat(titles(json(get(base(project) + "/issues/?sort=new", token), 200)).get(0)).isEqualTo("gamma");
    assertThat(json(get(base(project) + "/issues/?sort=bogus", token), 400).has("detail")).isTrue();

    HttpResponse<String> direct = get(issues + gamma, token);
    JsonNode hit = json(direct, 200);
    assertThat(direct.headers().firstValue("X-Sentry-Direct-Hit")).hasValue("1");
    assertThat(hit).hasSize(1);
    assertThat(hit.get(0).get("matchingEventId").asText()).isEqualTo(gamma);
  }

  @Test
  void issueDetails_scopesAndOutsiders() throws Exception {
    Project project = server.newProject();
    Project other = server.newProject();
    send(project, "detail me", ",\"release\":\"3.0\",\"tags\":{\"browser\":\"Firefox\"}");
    String reader = server.token(project, Role.MEMBER, "event:read");
    String id = json(get(base(project) + "/issues/", reader), 200).get(0).get("id").asText();

    JsonNode issue = json(get("/api/0/issues/" + id + "/", reader), 200);
    assertThat(issue.get("firstRelease").get("version").asText()).isEqualTo("3.0");
    assertThat(issue.get("lastRelease").get("version").asText()).isEqualTo("3.0");
    assertThat(issue.get("stats").get("24h")).hasSize(24);
    assertThat(issue.get("stats").get("30d")).hasSize(30);
    assertThat(issue.get("tags").findValuesAsText("key")).contains("browser", "release", "level");
    String org = server.organizationOf(project).slug();
    assertThat(json(get("/api/0/organizations/" + org + "/issues/" + id + "/", reader), 200).get("id").asText())
        .isEqualTo(id);
    assertThat(json(get("/api/0/organizations/" + org + "/issues/WEB-1/", reader), 200).get("id").asText())
        .isEqualTo(id);

    assertThat(get("/api/0/issues/" + id + "/", null).statusCode()).isEqualTo(401);
    String projectOnly = server.token(project, Role.MEMBER, "project:read");
    assertThat(json(get("/api/0/issues/" + id + "/", projectOnly), 403).get("detail").asText())
        .isEqualTo("You do not have permission to perform this action.");
    String outsider = server.token(other, Role.OWNER, "event:read,event:write,event:admin");
    assertThat(get("/api/0/issues/" + id + "/", outsider).statusCode()).isEqualTo(403);
    assertThat(json(get("/api/0/issues/999999999/", outsider), 404).get("detail").asText())
        .isEqualTo("The requested resource does not exist");
    String otherOrg = server.organizationOf(other).slug();
    assertThat(get("/api/0/organizations/" + otherOrg + "/issues/" + id + "/", outsider).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/0/organizations/" + org + "/issues/" + id + "/", outsider).statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/0/issues/" + id + "/", projectOnly,
        "{\"status\":\"resolved\"}").statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/0/issues/" + id + "/", outsider, null).statusCode()).isEqualTo(403);
  }

  @Test
  void lifecycle_resolveRegressAndResolveInNextRelease() throws Exception {
    Project project = server.newProject();
    send(project, "flaky", ",\"release\":\"1.0\"");
    String writer = server.token(project, Role.MEMBER, "event:read,event:write");
    String id = json(get(base(project) + "/issues/", writer), 200).get(0).get("id").asText();
    String path = "/api/0/issues/" + id + "/";

    JsonNode resolved = json(send("PUT", path, writer, "{\"status\":\"resolved\"}"), 200);
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(titles(json(get(base(project) + "/issues/", writer), 200))).isEmpty();
    send(project, "flaky", ",\"release\":\"1.0\"");
    JsonNode regressed = json(get(path, writer), 200);
    assertThat(regressed.get("status").asText()).isEqualTo("unresolved");
    assertThat(regressed.get("activity").get(0).get("type").asText()).isEqualTo("set_regression");

    JsonNode next = json(send("PUT", path, writer, "{\"status\":\"resolved\",\"statusDetails\":{\"inNextRelease\":true}}"), 200);
    assertThat(next.get("statusDetails").get("inNextRelease").asBoolean()).isTrue();
    send(project, "flaky", ",\"release\":\"1.0\"");
    assertThat(json(get(path, writer), 200).get("status").asText()).isEqualTo("resolved");
    send(project, "flaky", ",\"release\":\"1.1\"");
    assertThat(json(get(path, writer), 200).get("status").asText()).isEqualTo("unresolved");

    assertThat(json(send("PUT", path, writer, "{\"status\":\"resolved\",\"statusDetails\":{\"inRelease\":\"9.9\"}}"),
        400).get("detail").asText()).isEqualTo("Unable to find the given release.");
    assertThat(send("PUT", path, writer, "{\"status\":\"bogus\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void lifecycle_ignoreUntilCountAndBulkStatus() throws Exception {
    Project project = server.newProject();
    send(project, "noisy", "");
    send(project, "quiet", "");
    String writer = server.token(project, Role.MEMBER, "event:read,event:write");
    JsonNode list = json(get(base(project) + "/issues/?sort=new", writer), 200);
    String quiet = list.get(0).get("id").asText();
    String noisy = list.get(1).get("id").asText();

    JsonNode bulk = json(send("PUT", base(project) + "/issues/?id=" + noisy, writer,
        "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreCount\":2}}"), 200);
    assertThat(bulk.get("status").asText()).isEqualTo("ignored");
    assertThat(bulk.get("statusDetails").get("ignoreCount").asInt()).isEqualTo(2);
    assertThat(titles(json(get(base(project) + "/issues/?query=is:ignored", writer), 200))).containsExactly("noisy");
    send(project, "noisy", "");
    assertThat(json(get("/api/0/issues/" + noisy + "/", writer), 200).get("status").asText()).isEqualTo("ignored");
    send(project, "noisy", "");
    assertThat(json(get("/api/0/issues/" + noisy + "/", writer), 200).get("status").asText()).isEqualTo("unresolved");

    JsonNode until = json(send("PUT", "/api/0/issues/" + quiet + "/", writer,
        "{\"status\":\"ignored\",\"statusDetails\":{\"ignoreDuration\":30}}"), 200);
    assertThat(until.get("statusDetails").get("ignoreUntil").asText()).endsWith("Z");
    assertThat(send("PUT", base(project) + "/issues/?id=999999999", writer, "{\"status\":\"resolved\"}")
        .statusCode()).isEqualTo(204);
  }

  @Test
  void mergeKeepsTheIssueWithMostEvents_andDeleteRemovesEvents() throws Exception {
    Project project = server.newProject();
    send(project, "small", "");
    send(project, "big", "");
    send(project, "big", "");
    String admin = server.token(project, Role.MEMBER, "event:read,event:write,event:admin");
    JsonNode list = json(get(base(project) + "/issues/?sort=freq", admin), 200);
    String big = list.get(0).get("id").asText();
    String small = list.get(1).get("id").asText();

    JsonNode merged = json(send("PUT", base(project) + "/issues/?id=" + small + "&id=" + big, admin,
        "{\"merge\":1}"), 200);
    assertThat(merged.get("merge").get("parent").asText()).isEqualTo(big);
    assertThat(merged.get("merge").get("children").get(0).asText()).isEqualTo(small);
    assertThat(json(get("/api/0/issues/" + big + "/", admin), 200).get("count").asText()).isEqualTo("3");
    assertThat(json(get("/api/0/issues/" + big + "/hashes/", admin), 200)).hasSize(2);
    assertThat(get("/api/0/issues/" + small + "/", admin).statusCode()).isEqualTo(404);

    assertThat(send("DELETE", "/api/0/issues/" + big + "/", admin, null).statusCode()).isEqualTo(202);
    assertThat(get("/api/0/issues/" + big + "/", admin).statusCode()).isEqualTo(404);
    assertThat(server.app().storage().events().countForProject(project.id())).isZero();

    send(project, "bulk gone", "");
    String writerOnly = server.token(project, Role.MEMBER, "event:read,event:write");
    String id = json(get(base(project) + "/issues/", admin), 200).get(0).get("id").asText();
    assertThat(send("DELETE", base(project) + "/issues/?id=" + id, writerOnly, null).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", base(project) + "/issues/?id=" + id, admin, null).statusCode()).isEqualTo(204);
    assertThat(json(get(base(project) + "/issues/?query=", admin), 200)).isEmpty();
  }

  @Test
  void issueEvents_listsLatestOldestAndSingleEvents() throws Exception {
    Project project = server.newProject();
    String first = send(project, "evented", ",\"user\":{\"id\":\"7\",\"email\":\"e@x.io\"}");
    Thread.sleep(1100);
    String second = send(project, "evented", "");
    send(project, "unrelated", "");
    String token = server.token(project, Role.MEMBER, "event:read,project:read");
    String id = json(get(base(project) + "/issues/?query=evented", token), 200).get(0).get("id").asText();
    String events = "/api/0/issues/" + id + "/events/";

    JsonNode simple = json(get(events, token), 200);
    assertThat(simple.findValuesAsText("eventID")).containsExactly(second, first);
    JsonNode item = simple.get(1);
    assertThat(item.get("id").asText()).isEqualTo(first);
    assertThat(item.get("groupID").asText()).isEqualTo(id);
    assertThat(item.get("user").get("email").asText()).isEqualTo("e@x.io");
    assertThat(item.has("event.type")).isTrue();
    assertThat(item.has("entries")).isFalse();
    JsonNode page = json(get(events + "?per_page=1&cursor=0:1:0", token), 200);
    assertThat(page.findValuesAsText("eventID")).containsExactly(first);
    assertThat(json(get(events + "?full=1", token), 200).get(0).has("entries")).isTrue();

    assertThat(json(get(events + "latest/", token), 200).get("eventID").asText()).isEqualTo(second);
    JsonNode oldest = json(get(events + "oldest/", token), 200);
    assertThat(oldest.get("eventID").asText()).isEqualTo(first);
    assertThat(oldest.get("nextEventID").asText()).isEqualTo(second);
    assertThat(json(get(events + first + "/", token), 200).get("groupID").asText()).isEqualTo(id);
    assertThat(json(get(events + "0".repeat(32) + "/", token), 404).get("detail").asText())
        .isEqualTo("Event not found");

    JsonNode projectEvents = json(get(base(project) + "/events/", token), 200);
    assertThat(projectEvents).hasSize(3);
    String eventOnly = server.token(project, Role.MEMBER, "event:read");
    assertThat(get(base(project) + "/events/", eventOnly).statusCode()).isEqualTo(403);
  }

  @Test
  void tagsAndValues_areFacetsOfTheIssue() throws Exception {
    Project project = server.newProject();
    send(project, "tagged", ",\"tags\":{\"browser\":\"Firefox\"},\"user\":{\"id\":\"1\"}");
    send(project, "tagged", ",\"tags\":{\"browser\":\"Firefox\"}");
    send(project, "tagged", ",\"tags\":{\"browser\":\"Chrome\"}");
    String token = server.token(project, Role.MEMBER, "event:read");
    String id = json(get(base(project) + "/issues/", token), 200).get(0).get("id").asText();

    JsonNode tags = json(get("/api/0/issues/" + id + "/tags/", token), 200);
    JsonNode browser = null;
    for (JsonNode tag : tags) {
      if (tag.get("key").asText().equals("browser")) {
        browser = tag;
      }
    }
    assertThat(browser).isNotNull();
    assertThat(browser.get("name").asText()).isEqualTo("Browser");
    assertThat(browser.get("uniqueValues").asInt()).isEqualTo(2);
    assertThat(browser.get("totalValues").asInt()).isEqualTo(3);
    assertThat(browser.get("topValues").get(0).get("value").asText()).isEqualTo("Firefox");
    assertThat(browser.get("topValues").get(0).get("count").asInt()).isEqualTo(2);
    assertThat(tags.findValuesAsText("key")).contains("user");

    JsonNode values = json(get("/api/0/issues/" + id + "/tags/browser/values/?per_page=1", token), 200);
    assertThat(values.findValuesAsText("value")).containsExactly("Firefox");
    JsonNode users = json(get("/api/0/issues/" + id + "/tags/user/values/", token), 200);
    assertThat(users.get(0).get("value").asText()).isEqualTo("id:1");
    assertThat(get("/api/0/issues/" + id + "/tags/nope/values/", token).statusCode()).isEqualTo(404);
    JsonNode hashes = json(get("/api/0/issues/" + id + "/hashes/", token), 200);
    assertThat(hashes).hasSize(1);
    assertThat(hashes.get(0).get("latestEvent").get("groupID").asText()).isEqualTo(id);
  }

  @Test
  void organizationIssues_coverEveryProjectOfTheOrganizationOnly() throws Exception {
    Project project = server.newProject();
    String org = server.organizationOf(project).slug();
    Project second = server.app().admin().createProject(org, "api", "Api");
    Project outside = server.newProject();
    send(project, "in web", "");
    send(second, "in api", "");
    send(outside, "elsewhere", "");
    String token = server.token(project, Role.MEMBER, "event:read");

    JsonNode all = json(get("/api/0/organizations/" + org + "/issues/", token), 200);
    assertThat(titles(all)).containsExactlyInAnyOrder("in web", "in api");
    JsonNode one = json(get("/api/0/organizations/" + org + "/issues/?project=" + second.id(), token), 200);
    assertThat(titles(one)).containsExactly("in api");
    assertThat(one.get(0).get("shortId").asText()).isEqualTo("API-1");
    String outsider = server.token(outside, Role.OWNER, "event:read");
    assertThat(get("/api/0/organizations/" + org + "/issues/", outsider).statusCode()).isEqualTo(403);
    assertThat(get("/api/0/organizations/no-such-org/issues/", outsider).statusCode()).isEqualTo(404);
    assertThat(get(base(project) + "/issues/", outsider).statusCode()).isEqualTo(403);
  }
}

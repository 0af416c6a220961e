package dev.picket.http;

import static dev.picket.http.IssuesApiTest.json;
import static dev.picket.http.IssuesApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Releases, deploys, release files and sentry-cli's chunk upload and bundle assembly. */
class ReleasesApiTest extends SqliteServerTest {
  static String org(Project project) {
    return "/api/0/organizations/" + server.organizationOf(project).slug();
  }

  @Test
  void releaseLifecycle_createReadFinalizeListDelete() throws Exception {
    Project project = server.newProject();
    String token = server.token(project, Role.MEMBER, "project:releases");
    JsonNode created = json(send("POST", org(project) + "/releases/", token,
        "{\"version\":\"web@1.0+build\",\"projects\":[\"web\"],\"ref\":\"abc\"}"), 201);
    assertThat(created.get("version").asText()).isEqualTo("web@1.0+build");
    assertThat(created.get("shortVersion").asText()).isEqualTo("web@1.0+build");
    assertThat(created.get("ref").asText()).isEqualTo("abc");
    assertThat(created.get("dateReleased").isNull()).isTrue();
    assertThat(created.get("dateCreated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(created.get("projects").get(0).get("slug").asText()).isEqualTo("web");
    for (String field : new String[] {"url", "data", "newGroups", "owner", "commitCount", "lastCommit",
        "deployCount", "lastDeploy", "authors", "firstEvent", "lastEvent"}) {
      assertThat(created.has(field)).as(field).isTrue();
    }
    assertThat(send("POST", org(project) + "/releases/", token,
        "{\"version\":\"web@1.0+build\",\"projects\":[\"web\"]}").statusCode()).isEqualTo(208);

    String path = org(project) + "/releases/web@1.0+build/";
    assertThat(json(IssuesApiTest.get(path, token), 200).get("version").asText()).isEqualTo("web@1.0+build");
    JsonNode finalized = json(send("PUT", path, token,
        "{\"dateReleased\":\"2026-11-28T18:48:29.317354818Z\",\"url\":\"https://example.com\"}"), 200);
    assertThat(finalized.get("dateReleased").asText()).isEqualTo("2026-11-28T18:48:29.317354Z");
    assertThat(finalized.get("url").asText()).isEqualTo("https://example.com");

    JsonNode list = json(IssuesApiTest.get(IssuesApiTest.base(project) + "/releases/", token), 200);
    assertThat(list).hasSize(1);
    assertThat(json(IssuesApiTest.get(org(project) + "/releases/?query=1.0", token), 200)).hasSize(1);
    assertThat(json(IssuesApiTest.get(org(project) + "/releases/?query=nope", token), 200)).isEmpty();

    assertThat(send("DELETE", path, token, null).statusCode()).isEqualTo(204);
    assertThat(IssuesApiTest.get(path, token).statusCode()).isEqualTo(404);
  }

  @Test
  void create_refusesBadVersionsUnknownProjectsAndMissingProjects() {
    Project project = server.newProject();
    String token = server.token(project, Role.MEMBER, "project:releases");
    assertThat(send("POST", org(project) + "/releases/", token, "{\"version\":\"a/b\",\"projects\":[\"web\"]}")
        .statusCode()).isEqualTo(400);
    assertThat(send("POST", org(project) + "/releases/", token, "{\"version\":\"1\",\"projects\":[\"other\"]}")
        .statusCode()).isEqualTo(400);
    assertThat(send("POST", org(project) + "/releases/", token, "{\"version\":\"1\",\"projects\":[]}")
        .statusCode()).isEqualTo(400);
  }

  @Test
  void eventRelease_createsTheOrganizationRelease() throws Exception {
    Project project = server.newProject();
    IssuesApiTest.send(project, "boom", ",\"release\":\"from-event@2\"");
    String token = server.token(project, Role.MEMBER, "project:read");
    JsonNode release = json(IssuesApiTest.get(org(project) + "/releases/from-event@2/", token), 200);
    assertThat(release.get("newGroups").asInt()).isEqualTo(1);
    assertThat(release.get("firstEvent").isNull()).isFalse();
    assertThat(release.get("projects").get(0).get("slug").asText()).isEqualTo("web");
  }

  @Test
  void deploys_createAndList() throws Exception {
    Project project = server.newProject();
    String token = server.token(project, Role.MEMBER, "project:releases");
    json(send("POST", org(project) + "/releases/", token, "{\"version\":\"d1\",\"projects\":[\"web\"]}"), 201);
    String path = org(project) + "/releases/d1/deploys/";
    assertThat(send("POST", path, token, "{\"name\":\"x\"}").statusCode()).isEqualTo(400);
    JsonNode deploy = json(send("POST", path, token,
        "{\"environment\":\"prod\",\"name\":null,\"url\":null,\"dateStarted\":null,"
            + "\"dateFinished\":\"2026-11-28T18:48:29.349456913Z\"}"), 201);
    assertThat(deploy.get("environment").asText()).isEqualTo("prod");
    assertThat(deploy.get("dateFinished").asText()).isEqualTo("2026-11-28T18:48:29.349456Z");
    JsonNode list = json(IssuesApiTest.get(path, token), 200);
    assertThat(list).hasSize(1);
    JsonNode release = json(IssuesApiTest.get(org(project) + "/releases/d1/", token), 200);
    assertThat(release.get("deployCount").asInt()).isEqualTo(1);
    assertThat(release.get("lastDeploy").get("environment").asText()).isEqualTo("prod");
  }

  @Test
  void scopes_readNeedsAReleaseOrProjectScopeWriteNeedsAWriteScope() {
    Project project = server.newProject();
    String reader = server.token(project, Role.MEMBER, "project:read");
    String eventsOnly = server.token(project, Role.MEMBER, "event:read");
    assertThat(IssuesApiTest.get(org(project) + "/releases/", reader).statusCode()).isEqualTo(200);
    assertThat(IssuesApiTest.get(org(project) + "/releases/", eventsOnly).statusCode()).isEqualTo(403);
    assertThat(IssuesApiTest.get(org(project) + "/releases/", null).statusCode()).isEqualTo(401);
    assertThat(send("POST", org(project) + "/releases/", reader, "{\"version\":\"1\",\"projects\":[\"web\"]}")
        .statusCode()).isEqualTo(403);
    assertThat(send("POST", org(project) + "/chunk-upload/", reader, "").statusCode()).isEqualTo(403);
  }

  @Test
  void anotherOrganization_isRefused() throws Exception {
    Project mine = server.newProject();
    Project theirs = server.newProject();
    String token = server.token(mine, Role.OWNER, "project:releases,project:read,org:read");
    String theirToken = server.token(theirs, Role.OWNER, "project:releases");
    json(send("POST", org(theirs) + "/releases/", theirToken, "{\"version\":\"secret\",\"projects\":[\"web\"]}"), 201);
    for (String path : new String[] {"/releases/", "/releases/secret/", "/releases/secret/deploys/",
        "/releases/secret/files/", "/chunk-upload/", "/repos/", "/monitors/"}) {
      HttpResponse<String> response = IssuesApiTest.get(org(theirs) + path, token);
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      assertThat(response.body()).doesNotContain("secret\"");
    }
    assertThat(send("DELETE", org(theirs) + "/releases/secret/", token, null).statusCode()).isEqualTo(403);
    assertThat(send("POST", org(theirs) + "/artifactbundle/assemble/", token,
        "{\"checksum\":\"" + "0".repeat(40) + "\",\"chunks\":[],\"projects\":[\"web\"]}").statusCode()).isEqualTo(403);
  }

  @Test
  void chunkUploadAndAssemble_negotiateMissingChunksThenStoreTheBundleFiles() throws Exception {
    Project project = server.newProject();
    String token = server.token(project, Role.MEMBER, "project:releases");
    json(send("POST", org(project) + "/releases/", token, "{\"version\":\"b1\",\"projects\":[\"web\"]}"), 201);
    JsonNode options = json(IssuesApiTest.get(org(project) + "/chunk-upload/", token), 200);
    assertThat(options.get("url").asText()).startsWith("http").endsWith(org(project) + "/chunk-upload/");
    assertThat(options.get("hashAlgorithm").asText()).isEqualTo("sha1");
    assertThat(options.get("compression").get(0).asText()).isEqualTo("gzip");
    assertThat(options.get("accept").toString()).contains("artifact_bundles");

    byte[] bundle = bundle();
    String sha1 = sha1(bundle);
    String assemble = "{\"checksum\":\"" + sha1 + "\",\"chunks\":[\"" + sha1 + "\"],\"projects\":[\"web\"],"
        + "\"version\":\"b1\"}";
    JsonNode first = json(send("POST", org(project) + "/artifactbundle/assemble/", token, assemble), 200);
    assertThat(first.get("state").asText()).isEqualTo("not_found");
    assertThat(first.get("missingChunks").get(0).asText()).isEqualTo(sha1);

    assertThat(upload(project, token, "0".repeat(40), bundle).statusCode()).isEqualTo(400);
    HttpResponse<String> uploaded = upload(project, token, sha1, bundle);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

    JsonNode done = json(send("POST", org(project) + "/artifactbundle/assemble/", token, assemble), 200);
    assertThat(done.get("state").asText()).isEqualTo("ok");
    assertThat(done.get("missingChunks")).isEmpty();
    JsonNode files = json(IssuesApiTest.get(org(project) + "/releases/b1/files/", token), 200);
    assertThat(files).hasSize(2);
    assertThat(files.get(0).get("name").asText()).isEqualTo("~/app.min.js");
    assertThat(files.get(0).get("debugId").asText()).isEqualTo("c3b3e3a2-0000-4000-8000-000000000001");
    assertThat(files.get(1).get("name").asText()).isEqualTo("~/app.min.js.map");
  }

  @Test
  void emptyLists_forReposAndMonitors() throws Exception {
    Project project = server.newProject();
    String token = server.token(project, Role.MEMBER, "org:read");
    assertThat(json(IssuesApiTest.get(org(project) + "/repos/", token), 200)).isEmpty();
    assertThat(json(IssuesApiTest.get(org(project) + "/monitors/", token), 200)).isEmpty();
  }

  private static HttpResponse<String> upload(Project project, String token, String name, byte[] data)
      throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(data);
    }
    String boundary = "----picket-test";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file_gzip\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(gz.toByteArray());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return server.send(server.request(org(project) + "/chunk-upload/")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  /** A bundle as sentry-cli builds it: the SYSB header, then a zip with files and a manifest. */
  private static byte[] bundle() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'S', 'Y', 'S', 'B', 2, 0, 0, 0});
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "files/_/_/app.min.js", "function a(){}\n//# sourceMappingURL=app.min.js.map\n");
      entry(zip, "files/_/_/app.min.js.map", "{\"version\":3,\"sources\":[],\"names\":[],\"mappings\":\"\"}");
      entry(zip, "manifest.json", "{\"files\":{\"files/_/_/app.min.js\":{\"type\":\"minified_source\","
          + "\"url\":\"~/app.min.js\",\"headers\":{\"sourcemap\":\"app.min.js.map\","
          + "\"debug-id\":\"c3b3e3a2-0000-4000-8000-000000000001\"}},"
          + "\"files/_/_/app.min.js.map\":{\"type\":\"source_map\",\"url\":\"~/app.min.js.map\"}},"
          + "\"org\":\"x\",\"release\":\"b1\"}");
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String sha1(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
  }
}

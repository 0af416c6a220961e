package dev.picket.support;

import dev.picket.App;
import dev.picket.config.Config;
import dev.picket.config.Limits;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.Role;
import dev.picket.model.User;
import dev.picket.protocol.Dsn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A real Picket on port 0 (SQLite in a fresh folder, or a PostgreSQL URL) plus helpers to create
 * isolated organizations, projects, users and tokens and to talk HTTP to it.
 */
public final class TestServer implements AutoCloseable {
  public static final int MIB = Limits.MIB;

  private final App app;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestServer(App app) {
    this.app = app;
  }

  public static TestServer sqlite(Path dataDir) {
    return start(dataDir, null);
  }

  public static TestServer start(Path dataDir, String databaseUrl) {
    return start(dataDir, databaseUrl, Limits.defaults());
  }

  public static TestServer start(Path dataDir, String databaseUrl, Limits limits) {
    return start(new Config(0, "http://127.0.0.1", dataDir, databaseUrl, limits));
  }

  public static TestServer start(Config config) {
    return new TestServer(App.start(config));
  }

  public App app() {
    return app;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A fresh organization with a unique slug and a project in it. */
  public Project newProject() {
    String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
    Organization org = app.admin().createOrganization(slug, slug);
    return app.admin().createProject(org.slug(), "web", "Web");
  }

  public Organization organizationOf(Project project) {
    return app.storage().projects().findOrganization(project.organizationId()).orElseThrow();
  }

  public ProjectKey key(Project project) {
    return app.storage().projects().keys(project.id()).get(0);
  }

  public String dsn(Project project) {
    return Dsn.of(baseUrl(), key(project).publicKey(), project.id()).format();
  }

  /** A new user with the role in the project's organization, and a token with the scopes. */
  public String token(Project project, Role role, String scopes) {
    String email = UUID.randomUUID() + "@example.com";
    User user = app.admin().createUser(email, "password", false);
    app.storage().auth().setMember(project.organizationId(), user.id(), role);
    return app.admin().createToken(email, scopes);
  }

  public HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    app.close();
  }
}

package dev.picket.storage.jdbc;

import dev.picket.model.Environment;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.RateLimit;
import dev.picket.model.Team;
import dev.picket.storage.Conflict;
import dev.picket.storage.ProjectStore;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link ProjectStore} over JDBC. Unique slugs are claimed with {@code ON CONFLICT DO NOTHING}, so a
 * taken slug is a {@link Conflict} without a failed statement (which would abort a PostgreSQL
 * transaction).
 */
final class JdbcProjectStore implements ProjectStore {
  private static final String ORGANIZATION = "id, slug, name, date_created";
  private static final String TEAM = "id, organization_id, slug, name, date_created";
  private static final String PROJECT =
      "id, organization_id, slug, name, grouping_config, date_created, platform";
  /** Every project read sees only live projects. */
  private static final String LIVE = " status = 'active' AND ";
  private static final String KEY =
      "id, project_id, public_key, secret_key, label, active, date_created, rate_limit_window,"
          + " rate_limit_count";

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  JdbcProjectStore(Database db) {
    this.db = db;
  }

  @Override
  public Organization createOrganization(String slug, String name) {
    Instant now = Micros.now();
    long id = db.write("create an organization", h -> h
        .createQuery("INSERT INTO organization (slug, name, date_created)"
            + " VALUES (:slug, :name, :now) ON CONFLICT DO NOTHING RETURNING id")
        .bind("slug", slug)
        .bind("name", name)
        .bind("now", Micros.of(now))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("organization slug is taken")));
    return new Organization(id, slug, name, now);
  }

  @Override
  public Optional<Organization> findOrganization(String slug) {
    return db.read("find an organization", h -> h
        .createQuery("SELECT " + ORGANIZATION + " FROM organization WHERE slug = :slug")
        .bind("slug", slug)
        .map((rs, ctx) -> organization(rs))
        .findOne());
  }

  @Override
  public Optional<Organization> findOrganization(long id) {
    return db.read("find an organization", h -> h
        .createQuery("SELECT " + ORGANIZATION + " FROM organization WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> organization(rs))
        .findOne());
  }

  @Override
  public List<Organization> organizations() {
    return db.read("list organizations", h -> h
        .createQuery("SELECT " + ORGANIZATION + " FROM organization ORDER BY id")
        .map((rs, ctx) -> organization(rs))
        .list());
  }

  @Override
  public Team createTeam(long organizationId, String slug, String name) {
    Instant now = Micros.now();
    long id = db.write("create a team", h -> h
        .createQuery("INSERT INTO team (organization_id, slug, name, date_created)"
            + " VALUES (:org, :slug, :name, :now) ON CONFLICT DO NOTHING RETURNING id")
        .bind("org", organizationId)
        .bind("slug", slug)
        .bind("name", name)
        .bind("now", Micros.of(now))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("team slug is taken in the organization")));
    return new Team(id, organizationId, slug, name, now);
  }

  @Override
  public Optional<Team> findTeam(long organizationId, String slug) {
    return db.read("find a team", h -> h
        .createQuery("SELECT " + TEAM + " FROM team WHERE organization_id = :org AND slug = :slug")
        .bind("org", organizationId)
        .bind("slug", slug)
        .map((rs, ctx) -> team(rs))
        .findOne());
  }

  @Override
  public Project createProject(
      long organizationId, long teamId, String slug, String name, String groupingConfig) {
    Instant now = Micros.now();
    long id = db.write("create a project", h -> {
      long projectId = h
          .createQuery("INSERT INTO project"
              + " (organization_id, slug, name, grouping_config, next_short_id, date_created)"
              + " VALUES (:org, :slug, :name, :grouping, 1, :now)"
              + " ON CONFLICT DO NOTHING RETURNING id")
          .bind("org", organizationId)
          .bind("slug", slug)
          .bind("name", name)
          .bind("grouping", groupingConfig)
          .bind("now", Micros.of(now))
          .mapTo(Long.class)
          .findOne()
          .orElseThrow(() -> new Conflict("project slug is taken in the organization"));
      int owned = h
          .createUpdate("INSERT INTO project_team (project_id, team_id)"
              + " SELECT :project, id FROM team WHERE id = :team AND organization_id = :org")
          .bind("project", projectId)
          .bind("team", teamId)
          .bind("org", organizationId)
          .execute();
      if (owned != 1) {
        throw new IllegalArgumentException("the team does not belong to the organization");
      }
      return projectId;
    });
    return new Project(id, organizationId, slug, name, groupingConfig, now, null);
  }

  @Override
  public Optional<Project> findProject(long organizationId, String slug) {
    return db.read("find a project", h -> h
        .createQuery("SELECT " + PROJECT + " FROM project"
            + " WHERE" + LIVE + "organization_id = :org AND slug = :slug")
        .bind("org", organizationId)
        .bind("slug", slug)
        .map((rs, ctx) -> project(rs))
        .findOne());
  }

  @Override
  public List<Project> projectsOf(long organizationId) {
    return db.read("list the projects of an organization", h -> h
        .createQuery("SELECT " + PROJECT + " FROM project WHERE" + LIVE + "organization_id = :org ORDER BY slug")
        .bind("org", organizationId)
        .map((rs, ctx) -> project(rs))
        .list());
  }

  @Override
  public Optional<Project> findProject(long projectId) {
    return db.read("find a project", h -> h
        .createQuery("SELECT " + PROJECT + " FROM project WHERE" + LIVE + "id = :id")
        .bind("id", projectId)
        .map((rs, ctx) -> project(rs))
        .findOne());
  }

  @Override
  public List<Long> teamsOf(long projectId) {
    return db.read("list the teams of a project", h -> h
        .createQuery("SELECT team_id FROM project_team WHERE project_id = :id ORDER BY team_id")
        .bind("id", projectId)
        .mapTo(Long.class)
        .list());
  }

  @Override
  public void updateGroupingConfig(long projectId, String groupingConfig) {
    db.write("update the grouping config", h -> h
        .createUpdate("UPDATE project SET grouping_config = :grouping WHERE id = :id")
        .bind("grouping", groupingConfig)
        .bind("id", projectId)
        .execute());
  }

  @Override
  public ProjectKey createKey(
      long projectId, String label, String publicKey, String secretKey, RateLimit rateLimit) {
    Instant now = Micros.now();
    String pub = publicKey == null ? randomHex() : publicKey;
    String secret = secretKey == null ? randomHex() : secretKey;
    long id = db.write("create a project key", h -> h
        .createQuery("INSERT INTO project_key (project_id, public_key, secret_key, label, active,"
            + " date_created, rate_limit_window, rate_limit_count)"
            + " VALUES (:project, :public, :secret, :label, :active, :now, :window, :count)"
            + " ON CONFLICT DO NOTHING RETURNING id")
        .bind("project", projectId)
        .bind("public", pub)
        .bind("secret", secret)
        .bind("label", label)
        .bind("active", true)
        .bind("now", Micros.of(now))
        .bind("window", rateLimit == null ? null : rateLimit.windowSeconds())
        .bind("count", rateLimit == null ? null : rateLimit.count())
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("public key is taken")));
    return new ProjectKey(id, projectId, pub, secret, label, true, now, rateLimit);
  }

  @Override
  public Optional<ProjectKey> findKey(String publicKey) {
    return db.read("find a project key", h -> h
        .createQuery("SELECT " + KEY + " FROM project_key WHERE public_key = :key")
        .bind("key", publicKey)
        .map((rs, ctx) -> key(rs))
        .findOne());
  }

  @Override
  public List<ProjectKey> keys(long projectId) {
    return db.read("list project keys", h -> h
        .createQuery("SELECT " + KEY + " FROM project_key WHERE project_id = :id ORDER BY id")
        .bind("id", projectId)
        .map((rs, ctx) -> key(rs))
        .list());
  }

  @Override
  public void setKeyActive(long keyId, boolean active) {
    db.write("change a project key", h -> h
        .createUpdate("UPDATE project_key SET active = :active WHERE id = :id")
        .bind("active", active)
        .bind("id", keyId)
        .execute());
  }

  @Override
  public void setKeyRateLimit(long keyId, RateLimit rateLimit) {
    db.write("change a project key's rate limit", h -> h
        .createUpdate("UPDATE project_key SET rate_limit_window = :window, rate_limit_count = :count"
            + " WHERE id = :id")
        .bind("window", rateLimit == null ? null : rateLimit.windowSeconds())
        .bind("count", rateLimit == null ? null : rateLimit.count())
        .bind("id", keyId)
        .execute());
  }

  @Override
  public void updateOrganization(long organizationId, String slug, String name) {
    db.write("update an organization", h -> {
      if (h.createQuery("SELECT id FROM organization WHERE slug = :slug AND id <> :id")
          .bind("slug", slug).bind("id", organizationId).mapTo(Long.class).findOne().isPresent()) {
        throw new Conflict("organization slug is taken");
      }
      return h.createUpdate("UPDATE organization SET slug = :slug, name = :name WHERE id = :id")
          .bind("slug", slug).bind("name", name).bind("id", organizationId).execute();
    });
  }

  @Override
  public List<Team> teams(long organizationId) {
    return db.read("list teams", h -> h
        .createQuery("SELECT " + TEAM + " FROM team WHERE organization_id = :org ORDER BY slug")
        .bind("org", organizationId)
        .map((rs, ctx) -> team(rs))
        .list());
  }

  @Override
  public void deleteTeam(long teamId) {
    db.write("delete a team", h -> {
      h.createUpdate("DELETE FROM project_team WHERE team_id = :id").bind("id", teamId).execute();
      return h.createUpdate("DELETE FROM team WHERE id = :id").bind("id", teamId).execute();
    });
  }

  @Override
  public List<Project> projectsOfTeam(long teamId) {
    return db.read("list the projects of a team", h -> h
        .createQuery("SELECT " + PROJECT + " FROM project WHERE" + LIVE
            + "id IN (SELECT project_id FROM project_team WHERE team_id = :team) ORDER BY slug")
        .bind("team", teamId)
        .map((rs, ctx) -> project(rs))
        .list());
  }

  @Override
  public void updateProject(long projectId, String slug, String name, String platform) {
    db.write("update a project", h -> {
      if (h.createQuery("SELECT other.id FROM project other JOIN project p"
              + " ON p.organization_id = other.organization_id"
              + " WHERE p.id = :id AND other.slug = :slug AND other.id <> :id")
          .bind("slug", slug).bind("id", projectId).mapTo(Long.class).findOne().isPresent()) {
        throw new Conflict("project slug is taken in the organization");
      }
      return h.createUpdate("UPDATE project SET slug = :slug, name = :name, platform = :platform"
              + " WHERE id = :id")
          .bind("slug", slug).bind("name", name).bind("platform", platform).bind("id", projectId)
          .execute();
    });
  }

  @Override
  public void deleteProject(long projectId) {
    db.write("delete a project", h -> {
      h.createUpdate("UPDATE project_key SET active = :inactive WHERE project_id = :id")
          .bind("inactive", false).bind("id", projectId).execute();
      return h.createUpdate("UPDATE project SET status = 'pending_deletion',"
              + " slug = :freed WHERE id = :id")
          .bind("freed", "deleted-" + projectId + "-" + randomHex())
          .bind("id", projectId)
          .execute();
    });
  }

  @Override
  public List<Environment> environments(long projectId) {
    return db.write("list environments", h -> {
      h.createUpdate("INSERT INTO project_environment (project_id, name, hidden)"
              + " SELECT DISTINCT i.project_id, t.value, :hidden FROM issue_tag t"
              + " JOIN issue i ON i.id = t.issue_id"
              + " WHERE i.project_id = :project AND t.key = 'environment'"
              + " ON CONFLICT DO NOTHING")
          .bind("hidden", false).bind("project", projectId).execute();
      return h.createQuery("SELECT id, project_id, name, hidden FROM project_environment"
              + " WHERE project_id = :project ORDER BY name")
          .bind("project", projectId)
          .map((rs, ctx) -> new Environment(rs.getLong("id"), rs.getLong("project_id"),
              rs.getString("name"), rs.getBoolean("hidden")))
          .list();
    });
  }

  @Override
  public boolean setEnvironmentHidden(long projectId, String name, boolean hidden) {
    environments(projectId);
    return db.write("hide an environment", h -> h
        .createUpdate("UPDATE project_environment SET hidden = :hidden"
            + " WHERE project_id = :project AND name = :name")
        .bind("hidden", hidden).bind("project", projectId).bind("name", name)
        .execute()) == 1;
  }

  @Override
  public List<String> users(long projectId, int offset, int limit) {
    return db.read("list the users of a project", h -> h
        .createQuery("SELECT DISTINCT u.value FROM issue_user u JOIN issue i ON i.id = u.issue_id"
            + " WHERE i.project_id = :project ORDER BY u.value LIMIT :limit OFFSET :offset")
        .bind("project", projectId).bind("limit", limit).bind("offset", offset)
        .mapTo(String.class)
        .list());
  }

  @Override
  public void setKeyLabel(long keyId, String label) {
    db.write("rename a project key", h -> h
        .createUpdate("UPDATE project_key SET label = :label WHERE id = :id")
        .bind("label", label)
        .bind("id", keyId)
        .execute());
  }

  @Override
  public void deleteKey(long keyId) {
    db.write("delete a project key", h -> h
        .createUpdate("DELETE FROM project_key WHERE id = :id")
        .bind("id", keyId)
        .execute());
  }

  /** 32 lowercase hex characters from 16 random bytes. */
  private String randomHex() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Organization organization(ResultSet rs) throws SQLException {
    return new Organization(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
        Rows.instant(rs, "date_created"));
  }

  private static Team team(ResultSet rs) throws SQLException {
    return new Team(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("slug"),
        rs.getString("name"), Rows.instant(rs, "date_created"));
  }

  private static Project project(ResultSet rs) throws SQLException {
    return new Project(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("slug"),
        rs.getString("name"), rs.getString("grouping_config"), Rows.instant(rs, "date_created"),
        rs.getString("platform"));
  }

  private static ProjectKey key(ResultSet rs) throws SQLException {
    return new ProjectKey(rs.getLong("id"), rs.getLong("project_id"), rs.getString("public_key"),
        rs.getString("secret_key"), rs.getString("label"), rs.getBoolean("active"),
        Rows.instant(rs, "date_created"), rateLimit(rs));
  }

  private static RateLimit rateLimit(ResultSet rs) throws SQLException {
    int window = rs.getInt("rate_limit_window");
    boolean unlimited = rs.wasNull();
    int count = rs.getInt("rate_limit_count");
    return unlimited || rs.wasNull() ? null : new RateLimit(window, count);
  }
}

package dev.picket.storage.jdbc;

import dev.picket.model.Deploy;
import dev.picket.model.Release;
import dev.picket.model.ReleaseChanges;
import dev.picket.model.ReleaseStats;
import dev.picket.storage.ReleaseStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link ReleaseStore} over JDBC. A release is claimed with {@code ON CONFLICT DO NOTHING} on
 * (organization, version), so concurrent creators (API and event writer) meet on one row.
 */
final class JdbcReleaseStore implements ReleaseStore {
  private static final String RELEASE =
      "id, organization_id, version, ref, url, date_created, date_started, date_released, status";
  private static final String DEPLOY = "id, release_id, environment, name, url, date_started, date_finished";

  private final Database db;

  JdbcReleaseStore(Database db) {
    this.db = db;
  }

  @Override
  public Upsert upsert(long organizationId, String version, Set<Long> projectIds, ReleaseChanges changes,
      Instant now) {
    return db.writeRetrying("create a release", h -> {
      boolean created = h.createUpdate("INSERT INTO org_release (organization_id, version, date_created)"
              + " VALUES (:org, :version, :now) ON CONFLICT DO NOTHING")
          .bind("org", organizationId)
          .bind("version", version)
          .bind("now", Micros.of(Micros.truncate(now)))
          .execute() == 1;
      long id = h.createQuery("SELECT id FROM org_release WHERE organization_id = :org AND version = :version")
          .bind("org", organizationId)
          .bind("version", version)
          .mapTo(Long.class)
          .one();
      for (long project : projectIds) {
        linkProject(h, id, project, version, Micros.of(now));
      }
      apply(h, id, changes);
      return new Upsert(load(h, id).orElseThrow(), created);
    });
  }

  /** Links the release to a project and enters it in the project's release order. */
  static void linkProject(Handle h, long releaseId, long projectId, String version, long nowMicros) {
    h.createUpdate("INSERT INTO release_project (release_id, project_id) VALUES (:release, :project)"
            + " ON CONFLICT DO NOTHING")
        .bind("release", releaseId)
        .bind("project", projectId)
        .execute();
    h.createUpdate("INSERT INTO project_release (project_id, version, first_seen)"
            + " VALUES (:project, :version, :now) ON CONFLICT DO NOTHING")
        .bind("project", projectId)
        .bind("version", version)
        .bind("now", nowMicros)
        .execute();
  }

  private static void apply(Handle h, long id, ReleaseChanges c) {
    h.createUpdate("UPDATE org_release SET ref = COALESCE(:ref, ref), url = COALESCE(:url, url),"
            + " date_started = COALESCE(:started, date_started),"
            + " date_released = COALESCE(:released, date_released), status = COALESCE(:status, status)"
            + " WHERE id = :id")
        .bind("ref", c.ref())
        .bind("url", c.url())
        .bind("started", c.dateStarted() == null ? null : Micros.of(c.dateStarted()))
        .bind("released", c.dateReleased() == null ? null : Micros.of(c.dateReleased()))
        .bind("status", c.status())
        .bind("id", id)
        .execute();
  }

  @Override
  public Optional<Release> find(long organizationId, String version) {
    return db.read("find a release", h -> h
        .createQuery("SELECT id FROM org_release WHERE organization_id = :org AND version = :version")
        .bind("org", organizationId)
        .bind("version", version)
        .mapTo(Long.class)
        .findOne()
        .flatMap(id -> load(h, id)));
  }

  @Override
  public List<Release> list(long organizationId, Set<Long> projectIds, String query, int offset, int limit) {
    String projectFilter = projectIds.isEmpty() ? ""
        : " AND EXISTS (SELECT 1 FROM release_project rp WHERE rp.release_id = r.id AND rp.project_id IN (<projects>))";
    String queryFilter = query == null || query.isBlank() ? "" : " AND r.version LIKE :query ESCAPE '\\'";
    return db.read("list releases", h -> {
      var q = h.createQuery("SELECT r.id FROM org_release r WHERE r.organization_id = :org" + projectFilter
              + queryFilter + " ORDER BY r.date_created DESC, r.id DESC LIMIT :limit OFFSET :offset")
          .bind("org", organizationId)
          .bind("limit", limit)
          .bind("offset", offset);
      if (!projectIds.isEmpty()) {
        q.bindList("projects", List.copyOf(projectIds));
      }
      if (!queryFilter.isEmpty()) {
        q.bind("query", "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      }
      return q.mapTo(Long.class).list().stream().map(id -> load(h, id).orElseThrow()).toList();
    });
  }

  @Override
  public Optional<Release> update(long releaseId, ReleaseChanges changes) {
    return db.write("update a release", h -> {
      apply(h, releaseId, changes);
      return load(h, releaseId);
    });
  }

  @Override
  public boolean delete(long releaseId) {
    return db.write("delete a release", h -> {
      h.createUpdate("DELETE FROM deploy WHERE release_id = :id").bind("id", releaseId).execute();
      h.createUpdate("DELETE FROM release_project WHERE release_id = :id").bind("id", releaseId).execute();
      return h.createUpdate("DELETE FROM org_release WHERE id = :id").bind("id", releaseId).execute() == 1;
    });
  }

  @Override
  public ReleaseStats stats(Release release) {
    if (release.projectIds().isEmpty()) {
      return db.read("read a release's deploys", h -> deployStats(h, release, 0, null, null));
    }
    return db.read("read a release's stats", h -> {
      long newGroups = h.createQuery("SELECT COUNT(*) FROM issue WHERE project_id IN (<projects>)"
              + " AND first_release = :version")
          .bindList("projects", release.projectIds())
          .bind("version", release.version())
          .mapTo(Long.class)
          .one();
      var times = h.createQuery("SELECT MIN(CASE WHEN first_release = :version THEN first_seen END) AS first_event,"
              + " MAX(CASE WHEN last_release = :version THEN last_seen END) AS last_event"
              + " FROM issue WHERE project_id IN (<projects>)"
              + " AND (first_release = :version OR last_release = :version)")
          .bindList("projects", release.projectIds())
          .bind("version", release.version())
          .map((rs, ctx) -> new Instant[] {Rows.nullableInstant(rs, "first_event"),
              Rows.nullableInstant(rs, "last_event")})
          .one();
      return deployStats(h, release, newGroups, times[0], times[1]);
    });
  }

  private static ReleaseStats deployStats(Handle h, Release release, long newGroups, Instant first, Instant last) {
    long count = h.createQuery("SELECT COUNT(*) FROM deploy WHERE release_id = :id")
        .bind("id", release.id())
        .mapTo(Long.class)
        .one();
    Deploy latest = h.createQuery("SELECT " + DEPLOY + " FROM deploy WHERE release_id = :id ORDER BY id DESC LIMIT 1")
        .bind("id", release.id())
        .map((rs, ctx) -> deploy(rs))
        .findOne()
        .orElse(null);
    return new ReleaseStats(newGroups, first, last, count, latest);
  }

  @Override
  public Deploy addDeploy(long releaseId, String environment, String name, String url, Instant started,
      Instant finished) {
    Instant start = Micros.truncate(started);
    Instant finish = Micros.truncate(finished);
    long id = db.write("add a deploy", h -> h
        .createQuery("INSERT INTO deploy (release_id, environment, name, url, date_started, date_finished)"
            + " VALUES (:release, :env, :name, :url, :started, :finished) RETURNING id")
        .bind("release", releaseId)
        .bind("env", environment)
        .bind("name", name)
        .bind("url", url)
        .bind("started", start == null ? null : Micros.of(start))
        .bind("finished", Micros.of(finish))
        .mapTo(Long.class)
        .one());
    return new Deploy(id, releaseId, environment, name, url, start, finish);
  }

  @Override
  public List<Deploy> deploys(long releaseId) {
    return db.read("list deploys", h -> h
        .createQuery("SELECT " + DEPLOY + " FROM deploy WHERE release_id = :id ORDER BY id DESC")
        .bind("id", releaseId)
        .map((rs, ctx) -> deploy(rs))
        .list());
  }

  private static Optional<Release> load(Handle h, long id) {
    List<Long> projects = h.createQuery("SELECT project_id FROM release_project WHERE release_id = :id"
            + " ORDER BY project_id")
        .bind("id", id)
        .mapTo(Long.class)
        .list();
    return h.createQuery("SELECT " + RELEASE + " FROM org_release WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> release(rs, projects))
        .findOne();
  }

  private static Release release(ResultSet rs, List<Long> projects) throws SQLException {
    return new Release(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("version"),
        rs.getString("ref"), rs.getString("url"), Rows.instant(rs, "date_created"),
        Rows.nullableInstant(rs, "date_started"), Rows.nullableInstant(rs, "date_released"),
        rs.getString("status"), projects);
  }

  private static Deploy deploy(ResultSet rs) throws SQLException {
    return new Deploy(rs.getLong("id"), rs.getLong("release_id"), rs.getString("environment"),
        rs.getString("name"), rs.getString("url"), Rows.nullableInstant(rs, "date_started"),
        Rows.instant(rs, "date_finished"));
  }
}

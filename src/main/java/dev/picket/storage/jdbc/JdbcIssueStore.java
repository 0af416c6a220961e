package dev.picket.storage.jdbc;

import dev.picket.model.Activity;
import dev.picket.model.Issue;
import dev.picket.model.IssueSearch;
import dev.picket.model.StatusChange;
import dev.picket.model.TagKeyCount;
import dev.picket.model.TagValueCount;
import dev.picket.storage.IssueStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link IssueStore} over JDBC. */
final class JdbcIssueStore implements IssueStore {
  /** Tables whose rows belong to one issue, deleted with it. */
  private static final List<String> ISSUE_ROWS =
      List.of("issue_hash", "event", "issue_user", "issue_bucket", "issue_tag", "issue_activity");

  private final Database db;

  JdbcIssueStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Issue> find(long issueId) {
    return db.read("find an issue", h -> h
        .createQuery("SELECT " + Rows.ISSUE_COLUMNS + " FROM issue WHERE id = :id")
        .bind("id", issueId)
        .map((rs, ctx) -> Rows.issue(rs))
        .findOne());
  }

  @Override
  public Optional<Issue> findByShortId(long projectId, long shortIdNumber) {
    return db.read("find an issue by short id", h -> h
        .createQuery("SELECT " + Rows.ISSUE_COLUMNS + " FROM issue WHERE project_id = :project AND short_id = :short")
        .bind("project", projectId)
        .bind("short", shortIdNumber)
        .map((rs, ctx) -> Rows.issue(rs))
        .findOne());
  }

  @Override
  public List<String> hashes(long issueId) {
    return db.read("list the hashes of an issue", h -> h
        .createQuery("SELECT hash FROM issue_hash WHERE issue_id = :id ORDER BY id")
        .bind("id", issueId)
        .mapTo(String.class)
        .list());
  }

  @Override
  public List<Issue> listForProject(long projectId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read("list the issues of a project", h -> h
        .createQuery("SELECT " + Rows.ISSUE_COLUMNS + " FROM issue WHERE project_id = :project"
            + " ORDER BY last_seen DESC, id DESC LIMIT :limit")
        .bind("project", projectId)
        .bind("limit", limit)
        .map((rs, ctx) -> Rows.issue(rs))
        .list());
  }

  @Override
  public List<Issue> search(IssueSearch search, int offset, int limit) {
    if (limit <= 0 || search.projectIds().isEmpty()) {
      return List.of();
    }
    IssueSearchSql sql = new IssueSearchSql(search);
    return db.read("search issues", h -> bind(h.createQuery("SELECT " + Rows.ISSUE_COLUMNS
                + " FROM issue WHERE " + sql.where + " ORDER BY " + IssueSearchSql.orderBy(search.sort())
                + " LIMIT :limit OFFSET :offset"), search, sql)
        .bind("limit", limit)
        .bind("offset", Math.max(0, offset))
        .map((rs, ctx) -> Rows.issue(rs))
        .list());
  }

  @Override
  public long count(IssueSearch search, long cap) {
    if (search.projectIds().isEmpty()) {
      return 0;
    }
    IssueSearchSql sql = new IssueSearchSql(search);
    return db.read("count issues", h -> bind(h.createQuery("SELECT COUNT(*) FROM (SELECT id FROM issue WHERE "
                + sql.where + " LIMIT :cap) capped"), search, sql)
        .bind("cap", cap)
        .mapTo(Long.class)
        .one());
  }

  private static <T extends SqlStatement<T>> T bind(T statement, IssueSearch search, IssueSearchSql sql) {
    statement.bindList("projects", new ArrayList<>(search.projectIds()));
    sql.params.forEach(statement::bind);
    return statement;
  }

  @Override
  public Map<Long, long[]> hourlyCounts(Collection<Long> issueIds, Instant fromHour, int hours) {
    Map<Long, long[]> counts = new HashMap<>();
    issueIds.forEach(id -> counts.put(id, new long[hours]));
    if (issueIds.isEmpty() || hours <= 0) {
      return counts;
    }
    long from = fromHour.getEpochSecond();
    db.read("read hourly counts", h -> h
        .createQuery("SELECT issue_id, hour, count FROM issue_bucket WHERE issue_id IN (<ids>)"
            + " AND hour >= :from AND hour < :to")
        .bindList("ids", new ArrayList<>(issueIds))
        .bind("from", from)
        .bind("to", from + hours * 3600L)
        .map((rs, ctx) -> {
          counts.get(rs.getLong("issue_id"))[(int) ((rs.getLong("hour") - from) / 3600)] += rs.getLong("count");
          return 0;
        })
        .list());
    return counts;
  }

  @Override
  public List<TagKeyCount> tagKeys(long issueId) {
    return db.read("list the tag keys of an issue", h -> h
        .createQuery("SELECT key, COUNT(*) AS unique_values, SUM(count) AS total_values FROM issue_tag"
            + " WHERE issue_id = :issue GROUP BY key ORDER BY key")
        .bind("issue", issueId)
        .map((rs, ctx) -> new TagKeyCount(rs.getString("key"), rs.getLong("unique_values"),
            rs.getLong("total_values")))
        .list());
  }

  @Override
  public List<TagValueCount> tagValues(long issueId, String key, int offset, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read("list tag values of an issue", h -> h
        .createQuery("SELECT key, value, count, first_seen, last_seen FROM issue_tag"
            + " WHERE issue_id = :issue AND key = :key ORDER BY count DESC, last_seen DESC, value"
            + " LIMIT :limit OFFSET :offset")
        .bind("issue", issueId)
        .bind("key", key)
        .bind("limit", limit)
        .bind("offset", Math.max(0, offset))
        .map((rs, ctx) -> new TagValueCount(rs.getString("key"), rs.getString("value"), rs.getLong("count"),
            Rows.instant(rs, "first_seen"), Rows.instant(rs, "last_seen")))
        .list());
  }

  @Override
  public List<Activity> activity(long issueId, int limit) {
    return db.read("list the activity of an issue", h -> h
        .createQuery("SELECT id, issue_id, type, data, date_created FROM issue_activity"
            + " WHERE issue_id = :issue ORDER BY id DESC LIMIT :limit")
        .bind("issue", issueId)
        .bind("limit", limit)
        .map((rs, ctx) -> new Activity(rs.getLong("id"), rs.getLong("issue_id"), rs.getString("type"),
            rs.getString("data"), Rows.instant(rs, "date_created")))
        .list());
  }

  @Override
  public boolean hasRelease(long projectId, String version) {
    return db.read("find a release", h -> h
        .createQuery("SELECT COUNT(*) FROM project_release WHERE project_id = :project AND version = :version")
        .bind("project", projectId)
        .bind("version", version)
        .mapTo(Long.class)
        .one() > 0);
  }

  @Override
  public Optional<String> latestRelease(long projectId) {
    return db.read("find the latest release", h -> h
        .createQuery("SELECT version FROM project_release WHERE project_id = :project ORDER BY id DESC LIMIT 1")
        .bind("project", projectId)
        .mapTo(String.class)
        .findOne());
  }

  @Override
  public void updateStatus(Collection<Long> issueIds, StatusChange change) {
    if (issueIds.isEmpty()) {
      return;
    }
    String resolution = change.resolution() == null ? null : change.resolution().stored();
    db.write("update the status of issues", h -> h
        .createUpdate("UPDATE issue SET status = :status, status_details = :details,"
            + " resolution_type = CAST(:resolution AS TEXT),"
            + " resolution_release_id = CASE"
            + " WHEN CAST(:resolution AS TEXT) = 'in_next_release' THEN"
            + " (SELECT MAX(r.id) FROM project_release r WHERE r.project_id = issue.project_id)"
            + " WHEN CAST(:resolution AS TEXT) = 'in_release' THEN (SELECT r.id FROM project_release r"
            + " WHERE r.project_id = issue.project_id AND r.version = CAST(:release AS TEXT))"
            + " ELSE NULL END,"
            + " ignore_until = CAST(:until AS BIGINT),"
            + " ignore_count_target = times_seen + CAST(:count AS BIGINT),"
            + " ignore_users_target = user_count + CAST(:users AS BIGINT)"
            + " WHERE id IN (<ids>)")
        .bindList("ids", new ArrayList<>(issueIds))
        .bind("status", change.status())
        .bind("details", change.details())
        .bind("resolution", resolution)
        .bind("release", change.release())
        .bind("until", change.ignoreUntil() == null ? null : Micros.of(change.ignoreUntil()))
        .bind("count", change.ignoreCount())
        .bind("users", change.ignoreUserCount())
        .execute());
  }

  @Override
  public void merge(long parentId, Collection<Long> childIds) {
    List<Long> children = childIds.stream().filter(id -> id != parentId).distinct().toList();
    if (children.isEmpty()) {
      return;
    }
    db.writeRetrying("merge issues", h -> {
      IssueMerge.run(h, parentId, children);
      deleteRows(h, children);
      return null;
    });
  }

  @Override
  public void delete(Collection<Long> issueIds) {
    if (issueIds.isEmpty()) {
      return;
    }
    db.writeRetrying("delete issues", h -> {
      deleteRows(h, new ArrayList<>(issueIds));
      return null;
    });
  }

  private static void deleteRows(Handle h, List<Long> ids) {
    // Attachments and user reports hang off (project, event id), not the event row: remove those
    // of the deleted events first, as Sentry deletes them with the group.
    for (String table : List.of("event_attachment", "user_report")) {
      h.createUpdate("DELETE FROM " + table + " WHERE EXISTS (SELECT 1 FROM event e"
              + " WHERE e.issue_id IN (<ids>) AND e.project_id = " + table + ".project_id"
              + " AND e.event_id = " + table + ".event_id)")
          .bindList("ids", ids).execute();
    }
    for (String table : ISSUE_ROWS) {
      h.createUpdate("DELETE FROM " + table + " WHERE issue_id IN (<ids>)").bindList("ids", ids).execute();
    }
    h.createUpdate("DELETE FROM issue WHERE id IN (<ids>)").bindList("ids", ids).execute();
  }
}

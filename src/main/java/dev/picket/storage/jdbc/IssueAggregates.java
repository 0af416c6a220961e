package dev.picket.storage.jdbc;

import dev.picket.model.EventTag;
import dev.picket.model.IssueLifecycle;
import dev.picket.model.NewEvent;
import dev.picket.model.StatusChange;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The per-issue aggregates written with each event inside the saveBatch transaction: the project's
 * release order, the issue's distinct users, hourly count and tag facets, and the status
 * transition {@link IssueLifecycle} decides. Every counter is an upsert, so concurrent writers on
 * PostgreSQL serialize on the row instead of losing increments.
 */
final class IssueAggregates {
  static final long MICROS_PER_HOUR = 3_600_000_000L;

  private IssueAggregates() {}

  /** Records the release on first sight and returns its first-seen order within the project. */
  static long recordRelease(Handle h, long project, String version, long seenMicros) {
    int added = h.createUpdate("INSERT INTO project_release (project_id, version, first_seen)"
            + " VALUES (:project, :version, :seen) ON CONFLICT DO NOTHING")
        .bind("project", project)
        .bind("version", version)
        .bind("seen", seenMicros)
        .execute();
    if (added == 1) {
      recordOrganizationRelease(h, project, version, seenMicros);
    }
    return h.createQuery("SELECT id FROM project_release WHERE project_id = :project AND version = :version")
        .bind("project", project)
        .bind("version", version)
        .mapTo(Long.class)
        .one();
  }

  /**
   * On a project's first sight of a release, creates the organization's release (as Sentry does for
   * an event's release) unless it exists, and links it to the project. Only on first sight, so the
   * common event costs nothing more.
   */
  private static void recordOrganizationRelease(Handle h, long project, String version, long seenMicros) {
    h.createUpdate("INSERT INTO org_release (organization_id, version, date_created)"
            + " SELECT organization_id, :version, :seen FROM project WHERE id = :project ON CONFLICT DO NOTHING")
        .bind("project", project)
        .bind("version", version)
        .bind("seen", seenMicros)
        .execute();
    h.createUpdate("INSERT INTO release_project (release_id, project_id)"
            + " SELECT r.id, p.id FROM project p JOIN org_release r ON r.organization_id = p.organization_id"
            + " WHERE p.id = :project AND r.version = :version ON CONFLICT DO NOTHING")
        .bind("project", project)
        .bind("version", version)
        .execute();
  }

  /** Counts the event in its hour, its tag facets and, for a new {@code sentry:user}, the users. */
  static void count(Handle h, long issueId, NewEvent event, long tsMicros) {
    h.createUpdate("INSERT INTO issue_bucket (issue_id, hour, count) VALUES (:issue, :hour, 1)"
            + " ON CONFLICT (issue_id, hour) DO UPDATE SET count = issue_bucket.count + 1")
        .bind("issue", issueId)
        .bind("hour", Math.floorDiv(tsMicros, MICROS_PER_HOUR) * 3600)
        .execute();
    if (!event.tags().isEmpty()) {
      PreparedBatch tags = h.prepareBatch("INSERT INTO issue_tag"
          + " (issue_id, key, value, count, first_seen, last_seen) VALUES (:issue, :key, :value, 1, :ts, :ts)"
          + " ON CONFLICT (issue_id, key, value) DO UPDATE SET count = issue_tag.count + 1,"
          + " first_seen = CASE WHEN excluded.first_seen < issue_tag.first_seen"
          + " THEN excluded.first_seen ELSE issue_tag.first_seen END,"
          + " last_seen = CASE WHEN excluded.last_seen > issue_tag.last_seen"
          + " THEN excluded.last_seen ELSE issue_tag.last_seen END");
      for (EventTag tag : event.tags()) {
        tags.bind("issue", issueId).bind("key", tag.key()).bind("value", tag.value()).bind("ts", tsMicros).add();
      }
      tags.execute();
    }
    String user = event.tag(EventTag.USER);
    if (user != null) {
      int added = h.createUpdate("INSERT INTO issue_user (issue_id, value) VALUES (:issue, :value)"
              + " ON CONFLICT DO NOTHING")
          .bind("issue", issueId)
          .bind("value", user)
          .execute();
      if (added == 1) {
        h.createUpdate("UPDATE issue SET user_count = user_count + 1 WHERE id = :issue")
            .bind("issue", issueId)
            .execute();
      }
    }
  }

  /** Applies {@link IssueLifecycle#onEvent} to an existing issue after the event was counted. */
  static void applyLifecycle(Handle h, long issueId, Long releaseOrder, String release, Instant received) {
    IssueLifecycle.State state = h.createQuery("SELECT status, resolution_type, resolution_release_id,"
            + " ignore_until, ignore_count_target, ignore_users_target, times_seen, user_count"
            + " FROM issue WHERE id = :issue")
        .bind("issue", issueId)
        .map((rs, ctx) -> new IssueLifecycle.State(
            rs.getString("status"),
            StatusChange.Resolution.ofStored(rs.getString("resolution_type")),
            Rows.nullableLong(rs, "resolution_release_id"),
            Rows.nullableInstant(rs, "ignore_until"),
            Rows.nullableLong(rs, "ignore_count_target"),
            Rows.nullableLong(rs, "ignore_users_target"),
            rs.getLong("times_seen"),
            rs.getLong("user_count")))
        .one();
    IssueLifecycle.Outcome outcome = IssueLifecycle.onEvent(state, releaseOrder, received);
    if (outcome == IssueLifecycle.Outcome.KEEP) {
      return;
    }
    reopen(h, issueId);
    boolean regression = outcome == IssueLifecycle.Outcome.REGRESSION;
    String data = regression && release != null ? "{\"version\":" + Rows.jsonString(release) + "}" : "{}";
    addActivity(h, issueId, regression ? "set_regression" : "set_unresolved", data, Micros.of(received));
  }

  static void reopen(Handle h, long issueId) {
    h.createUpdate("UPDATE issue SET status = 'unresolved', status_details = '{}', resolution_type = NULL,"
            + " resolution_release_id = NULL, ignore_until = NULL, ignore_count_target = NULL,"
            + " ignore_users_target = NULL WHERE id = :issue")
        .bind("issue", issueId)
        .execute();
  }

  static void addActivity(Handle h, long issueId, String type, String data, long atMicros) {
    h.createUpdate("INSERT INTO issue_activity (issue_id, type, data, date_created)"
            + " VALUES (:issue, :type, :data, :at)")
        .bind("issue", issueId)
        .bind("type", type)
        .bind("data", data)
        .bind("at", atMicros)
        .execute();
  }
}

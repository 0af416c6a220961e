package dev.picket.storage.jdbc;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Moves everything of the child issues to the parent inside one transaction: hashes and events
 * follow, users/hourly counts/tag facets are added up, and the parent's counters are recomputed
 * from its events. The caller then deletes the children's remaining rows.
 */
final class IssueMerge {
  private IssueMerge() {}

  static void run(Handle h, long parent, List<Long> children) {
    String first = h.createQuery("SELECT first_release FROM issue WHERE id IN (<all>)"
            + " AND first_release IS NOT NULL ORDER BY first_seen, id LIMIT 1")
        .bindList("all", all(parent, children))
        .mapTo(String.class)
        .findOne()
        .orElse(null);
    for (String table : List.of("issue_hash", "event")) {
      update(h, "UPDATE " + table + " SET issue_id = :parent WHERE issue_id IN (<children>)", parent, children);
    }
    update(h, "INSERT INTO issue_user (issue_id, value) SELECT DISTINCT :parent, value FROM issue_user"
        + " WHERE issue_id IN (<children>) ON CONFLICT DO NOTHING", parent, children);
    update(h, "INSERT INTO issue_bucket (issue_id, hour, count) SELECT :parent, hour, SUM(count)"
        + " FROM issue_bucket WHERE issue_id IN (<children>) GROUP BY hour"
        + " ON CONFLICT (issue_id, hour) DO UPDATE SET count = issue_bucket.count + excluded.count", parent, children);
    update(h, "INSERT INTO issue_tag (issue_id, key, value, count, first_seen, last_seen)"
        + " SELECT :parent, key, value, SUM(count), MIN(first_seen), MAX(last_seen) FROM issue_tag"
        + " WHERE issue_id IN (<children>) GROUP BY key, value"
        + " ON CONFLICT (issue_id, key, value) DO UPDATE SET count = issue_tag.count + excluded.count,"
        + " first_seen = CASE WHEN excluded.first_seen < issue_tag.first_seen"
        + " THEN excluded.first_seen ELSE issue_tag.first_seen END,"
        + " last_seen = CASE WHEN excluded.last_seen > issue_tag.last_seen"
        + " THEN excluded.last_seen ELSE issue_tag.last_seen END", parent, children);
    h.createUpdate("UPDATE issue SET"
            + " times_seen = (SELECT COUNT(*) FROM event WHERE issue_id = :parent),"
            + " first_seen = (SELECT MIN(timestamp) FROM event WHERE issue_id = :parent),"
            + " last_seen = (SELECT MAX(timestamp) FROM event WHERE issue_id = :parent),"
            + " user_count = (SELECT COUNT(*) FROM issue_user WHERE issue_id = :parent),"
            + " first_release = COALESCE(CAST(:first AS TEXT), first_release)"
            + " WHERE id = :parent")
        .bind("parent", parent)
        .bind("first", first)
        .execute();
    String data = children.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"issues\":[", "]}"));
    IssueAggregates.addActivity(h, parent, "merge", data, Micros.of(Micros.now()));
  }

  private static List<Long> all(long parent, List<Long> children) {
    List<Long> all = new java.util.ArrayList<>(children);
    all.add(parent);
    return all;
  }

  private static void update(Handle h, String sql, long parent, List<Long> children) {
    h.createUpdate(sql).bind("parent", parent).bindList("children", children).execute();
  }
}

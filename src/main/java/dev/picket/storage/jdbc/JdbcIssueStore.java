package dev.picket.storage.jdbc;

import dev.picket.model.Issue;
import dev.picket.storage.IssueStore;
import java.util.List;
import java.util.Optional;

/** {@link IssueStore} over JDBC. */
final class JdbcIssueStore implements IssueStore {
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
}

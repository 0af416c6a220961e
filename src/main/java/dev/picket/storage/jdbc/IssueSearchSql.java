package dev.picket.storage.jdbc;

import dev.picket.model.IssueSearch;
import dev.picket.model.IssueSearch.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link IssueSearch} into a WHERE clause with named parameters. Tag conditions are
 * EXISTS probes into {@code issue_tag}; an ignore-until date that has passed counts as unresolved.
 */
final class IssueSearchSql {
  final String where;
  final Map<String, Object> params = new LinkedHashMap<>();

  IssueSearchSql(IssueSearch search) {
    List<String> clauses = new ArrayList<>();
    clauses.add("project_id IN (<projects>)");
    for (Condition condition : search.conditions()) {
      clauses.add(clause(condition, search));
    }
    this.where = String.join(" AND ", clauses);
  }

  static String orderBy(IssueSearch.Sort sort) {
    String column = switch (sort) {
      case DATE -> "last_seen";
      case NEW -> "first_seen";
      case FREQ -> "times_seen";
      case USER -> "user_count";
    };
    return column + " DESC, id DESC";
  }

  private String param(Object value) {
    String name = "p" + params.size();
    params.put(name, value);
    return ":" + name;
  }

  private String clause(Condition condition, IssueSearch search) {
    if (condition instanceof IssueSearch.StatusIs s) {
      return status(s.status(), search);
    } else if (condition instanceof IssueSearch.TagIs t) {
      String exists = "EXISTS (SELECT 1 FROM issue_tag t WHERE t.issue_id = issue.id AND t.key = "
          + param(t.key()) + " AND t.value = " + param(t.value()) + ")";
      return t.negated() ? "NOT " + exists : exists;
    } else if (condition instanceof IssueSearch.HasTag t) {
      String exists = "EXISTS (SELECT 1 FROM issue_tag t WHERE t.issue_id = issue.id AND t.key = "
          + param(t.key()) + ")";
      return t.negated() ? "NOT " + exists : exists;
    } else if (condition instanceof IssueSearch.LevelIs l) {
      String p = param(l.level());
      return l.negated() ? "(level IS NULL OR level <> " + p + ")" : "level = " + p;
    } else if (condition instanceof IssueSearch.Text t) {
      String p = param("%" + likeEscape(t.text().toLowerCase(Locale.ROOT)) + "%");
      return "(LOWER(title) LIKE " + p + " ESCAPE '!' OR LOWER(COALESCE(culprit, '')) LIKE " + p + " ESCAPE '!')";
    } else if (condition instanceof IssueSearch.SeenBound b) {
      String column = b.field() == IssueSearch.Field.FIRST_SEEN ? "first_seen" : "last_seen";
      return column + " " + b.op().symbol() + " " + param(Micros.of(b.at()));
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private String status(String status, IssueSearch search) {
    switch (status) {
      case "unresolved": {
        String now = param(Micros.of(search.now()));
        return "(status = 'unresolved' OR (status = 'ignored' AND ignore_until IS NOT NULL"
            + " AND ignore_until <= " + now + "))";
      }
      case "ignored": {
        String now = param(Micros.of(search.now()));
        return "(status = 'ignored' AND (ignore_until IS NULL OR ignore_until > " + now + "))";
      }
      default:
        return "status = " + param(status);
    }
  }

  private static String likeEscape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}

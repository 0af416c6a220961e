package dev.picket.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A parsed issue search: the projects searched, the conditions (all must hold), the order, and
 * {@code now}, the moment against which an ignore-until date counts as passed.
 */
public record IssueSearch(Set<Long> projectIds, List<Condition> conditions, Sort sort, Instant now) {
  public IssueSearch {
    projectIds = Set.copyOf(projectIds);
    conditions = List.copyOf(conditions);
  }

  /** Sentry's issue sorts; ties are broken by the newest issue id first. */
  public enum Sort {
    /** last seen, newest first (Sentry's default) */
    DATE,
    /** first seen, newest first */
    NEW,
    /** event count, highest first */
    FREQ,
    /** distinct users, highest first */
    USER
  }

  /** One search term. */
  public sealed interface Condition {}

  /** {@code is:unresolved|resolved|ignored}, with an expired ignore-until counted as unresolved. */
  public record StatusIs(String status) implements Condition {}

  /** {@code key:value} and {@code !key:value} on the issue's tag facets (keys as stored). */
  public record TagIs(String key, String value, boolean negated) implements Condition {}

  /** {@code has:key} and {@code !has:key}. */
  public record HasTag(String key, boolean negated) implements Condition {}

  /** {@code level:error} on the issue's level. */
  public record LevelIs(String level, boolean negated) implements Condition {}

  /** Free text: a case-insensitive substring of the title or the culprit. */
  public record Text(String text) implements Condition {}

  /** {@code firstSeen:>...} / {@code lastSeen:<...}. */
  public record SeenBound(Field field, Op op, Instant at) implements Condition {}

  /** Which seen time a bound applies to. */
  public enum Field { FIRST_SEEN, LAST_SEEN }

  /** Comparison of a bound. */
  public enum Op {
    GT(">"), GTE(">="), LT("<"), LTE("<=");

    private final String sql;

    Op(String sql) {
      this.sql = sql;
    }

    public String symbol() {
      return sql;
    }
  }
}

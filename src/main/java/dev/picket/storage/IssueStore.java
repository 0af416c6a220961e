package dev.picket.storage;

import dev.picket.model.Activity;
import dev.picket.model.Issue;
import dev.picket.model.IssueSearch;
import dev.picket.model.StatusChange;
import dev.picket.model.TagKeyCount;
import dev.picket.model.TagValueCount;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues (Sentry's groups). They are created and counted by {@link EventStore#saveBatch}, which
 * also keeps their users, hourly counts and tag facets; this interface reads them and applies the
 * changes the issue service decides (status, merge, delete).
 */
public interface IssueStore {
  /** The issue with this id; empty when there is none. */
  Optional<Issue> find(long issueId);

  /** The issue of the project with this short-id number; empty when there is none. */
  Optional<Issue> findByShortId(long projectId, long shortIdNumber);

  /** The hashes attached to the issue, in the order they were first seen. */
  List<String> hashes(long issueId);

  /** The project's issues, most recently seen first, at most {@code limit}. */
  List<Issue> listForProject(long projectId, int limit);

  /**
   * The issues matching {@code search}, in its order (ties: higher id first), skipping
   * {@code offset}, at most {@code limit}. An empty project set matches nothing.
   */
  List<Issue> search(IssueSearch search, int offset, int limit);

  /** How many issues match {@code search}, counting at most {@code cap}. */
  long count(IssueSearch search, long cap);

  /**
   * Events per hour for each issue, for the {@code hours} hours starting at {@code fromHour} (an
   * hour boundary). Each array has {@code hours} entries; hours without events are 0.
   */
  Map<Long, long[]> hourlyCounts(Collection<Long> issueIds, Instant fromHour, int hours);

  /** The issue's tag keys, sorted by key. */
  List<TagKeyCount> tagKeys(long issueId);

  /** Values of one tag key within the issue, most frequent first (ties: most recent first). */
  List<TagValueCount> tagValues(long issueId, String key, int offset, int limit);

  /** The issue's activity, newest first, at most {@code limit}. */
  List<Activity> activity(long issueId, int limit);

  /** Whether the project has seen this release (from an event or a resolution naming it). */
  boolean hasRelease(long projectId, String version);

  /** The project's newest release (first-seen order), or empty when it has none. */
  Optional<String> latestRelease(long projectId);

  /**
   * Applies a status change to the issues. For {@code IN_RELEASE} the release must exist
   * ({@link #hasRelease}); ignore counts are taken relative to the issues' current counts.
   */
  void updateStatus(Collection<Long> issueIds, StatusChange change);

  /**
   * Moves the children's hashes, events, users, hourly counts and tag facets to {@code parentId},
   * recomputes its counters and seen range, records a {@code merge} activity, and deletes the
   * children. Children that do not exist are ignored.
   */
  void merge(long parentId, Collection<Long> childIds);

  /** Deletes the issues with their events, hashes and aggregates. Unknown ids are ignored. */
  void delete(Collection<Long> issueIds);
}

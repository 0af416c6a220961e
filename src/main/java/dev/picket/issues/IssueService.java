package dev.picket.issues;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.EventId;
import dev.picket.model.Issue;
import dev.picket.model.IssueSearch;
import dev.picket.model.StatusChange;
import dev.picket.storage.EventStore;
import dev.picket.storage.IssueStore;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides issue searches, stats, status changes, merges and deletes; the stores apply them. */
public final class IssueService {
  public static final long MAX_HITS = 1000;
  private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Map<String, IssueSearch.Sort> SORTS = Map.of("date", IssueSearch.Sort.DATE,
      "new", IssueSearch.Sort.NEW, "freq", IssueSearch.Sort.FREQ, "user", IssueSearch.Sort.USER);

  private final IssueStore issues;
  private final EventStore events;

  public IssueService(IssueStore issues, EventStore events) {
    this.issues = issues;
    this.events = events;
  }

  /**
   * Searches the projects. {@code query} null means Sentry's default {@code is:unresolved}; a
   * 32-hex event id of one of the projects is a direct hit on its issue.
   */
  public IssueList list(Set<Long> projectIds, String query, String sort, String statsPeriod,
      int offset, int limit, Instant now) {
    String period = statsPeriod == null ? "24h" : statsPeriod;
    if (!Set.of("", "24h", "14d").contains(period)) {
      throw new InvalidIssueRequest("Invalid stats_period. Valid choices are '', '24h', and '14d'");
    }
    IssueSearch.Sort order = SORTS.get(sort == null || sort.isEmpty() ? "date" : sort);
    if (order == null) {
      throw new InvalidIssueRequest("Invalid sort: " + sort);
    }
    String q = query == null ? "is:unresolved" : query.trim();
    if (EVENT_ID.matcher(q).matches() && offset == 0) {
      Optional<IssueList> hit = directHit(projectIds, EventId.parse(q.toLowerCase()).orElseThrow(), period, now);
      if (hit.isPresent()) {
        return hit.get();
      }
    }
    IssueSearch search = new IssueSearch(projectIds, SearchQueryParser.parse(q, now), order, now);
    List<Issue> page = issues.search(search, offset, limit + 1);
    boolean more = page.size() > limit;
    List<Issue> shown = more ? page.subList(0, limit) : page;
    return new IssueList(shown, more, issues.count(search, MAX_HITS), period, stats(shown, period, now), null);
  }

  private Optional<IssueList> directHit(Set<Long> projectIds, EventId eventId, String period, Instant now) {
    for (long projectId : projectIds) {
      var event = events.find(projectId, eventId);
      if (event.isPresent()) {
        List<Issue> one = issues.find(event.get().issueId()).stream().toList();
        return Optional.of(new IssueList(one, false, one.size(), period, stats(one, period, now), eventId));
      }
    }
    return Optional.empty();
  }

  /**
   * Event counts per issue: {@code 24h} is 24 hourly buckets ending with the current hour,
   * {@code 14d}/{@code 30d} are daily buckets (UTC days) ending with today; {@code ""} is none.
   */
  public Map<Long, long[][]> stats(Collection<Issue> shown, String period, Instant now) {
    Map<Long, long[][]> result = new HashMap<>();
    if (period.isEmpty() || shown.isEmpty()) {
      return result;
    }
    boolean hourly = period.equals("24h");
    int points = hourly ? 24 : Integer.parseInt(period.substring(0, period.length() - 1));
    int width = hourly ? 1 : 24;
    Instant end = now.truncatedTo(hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS);
    Instant from = end.minus(Duration.ofHours((long) (points - 1) * width));
    List<Long> ids = shown.stream().map(Issue::id).toList();
    Map<Long, long[]> hours = issues.hourlyCounts(ids, from, points * width);
    for (long id : ids) {
      long[][] series = new long[points][2];
      long[] counts = hours.get(id);
      for (int i = 0; i < points * width; i++) {
        series[i / width][1] += counts[i];
      }
      for (int p = 0; p < points; p++) {
        series[p][0] = from.getEpochSecond() + (long) p * width * 3600;
      }
      result.put(id, series);
    }
    return result;
  }

  /**
   * Applies a PUT to issues of one project and returns what changed, as Sentry answers a bulk
   * update: {@code {"status": ..., "statusDetails": {...}}} or {@code {"merge": {...}}}.
   */
  public ObjectNode update(long projectId, List<Issue> targets, IssueUpdate update, Instant now) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    List<Long> ids = targets.stream().map(Issue::id).toList();
    if (update.merge()) {
      if (targets.size() < 2) {
        throw new InvalidIssueRequest("Merging requires at least two issues");
      }
      Issue parent = mergeTarget(targets);
      issues.merge(parent.id(), ids);
      ObjectNode merge = result.putObject("merge");
      merge.put("parent", String.valueOf(parent.id()));
      var children = merge.putArray("children");
      ids.stream().filter(id -> id != parent.id()).forEach(id -> children.add(String.valueOf(id)));
    }
    if (update.status() != null) {
      ObjectNode details = JsonNodeFactory.instance.objectNode();
      StatusChange change = statusChange(projectId, update, details, now);
      issues.updateStatus(ids, change);
      result.put("status", update.status());
      result.set("statusDetails", details);
    }
    return result;
  }

  /**
   * As Sentry: the issue with the most events survives a merge; on a tie, the oldest (lowest id).
   */
  static Issue mergeTarget(List<Issue> targets) {
    return targets.stream()
        .min(Comparator.comparingLong((Issue i) -> -i.count()).thenComparingLong(Issue::id))
        .orElseThrow();
  }

  private StatusChange statusChange(long projectId, IssueUpdate u, ObjectNode details, Instant now) {
    switch (u.status()) {
      case "resolved":
        if (u.inNextRelease()) {
          if (issues.latestRelease(projectId).isEmpty()) {
            throw new InvalidIssueRequest(
                "No release data present in the system to form a basis for 'Next Release'");
          }
          details.put("inNextRelease", true);
          return change(u, details, StatusChange.Resolution.IN_NEXT_RELEASE, null, null);
        }
        if (u.inRelease() != null) {
          String release = u.inRelease().equals("latest")
              ? issues.latestRelease(projectId).orElse(null) : u.inRelease();
          if (release == null || !issues.hasRelease(projectId, release)) {
            throw new InvalidIssueRequest("Unable to find the given release.");
          }
          details.put("inRelease", release);
          return change(u, details, StatusChange.Resolution.IN_RELEASE, release, null);
        }
        return change(u, details, null, null, null);
      case "ignored":
        Instant until = u.ignoreDurationMinutes() != null
            ? now.plus(Duration.ofMinutes(u.ignoreDurationMinutes())).truncatedTo(ChronoUnit.MICROS)
            : u.ignoreUntil();
        if (until != null || u.ignoreCount() != null || u.ignoreUserCount() != null) {
          details.set("ignoreCount", number(u.ignoreCount()));
          details.put("ignoreUntil", until == null ? null : DateTimeFormatter.ISO_INSTANT.format(until));
          details.set("ignoreUserCount", number(u.ignoreUserCount()));
          details.putNull("ignoreUserWindow");
          details.putNull("ignoreWindow");
        }
        return change(u, details, null, null, until);
      default:
        return change(u, details, null, null, null);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode number(Long value) {
    return value == null ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(value);
  }

  private static StatusChange change(IssueUpdate u, ObjectNode details, StatusChange.Resolution resolution,
      String release, Instant until) {
    boolean ignored = u.status().equals("ignored");
    return new StatusChange(u.status(), details.toString(), resolution, release, until,
        ignored ? u.ignoreCount() : null, ignored ? u.ignoreUserCount() : null);
  }

  public void delete(Collection<Long> issueIds) {
    issues.delete(issueIds);
  }
}

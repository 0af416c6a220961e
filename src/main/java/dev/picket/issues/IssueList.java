package dev.picket.issues;

import dev.picket.model.EventId;
import dev.picket.model.Issue;
import java.util.List;
import java.util.Map;

/**
 * One page of an issue search: the issues, whether more follow, the total hits (capped), the stats
 * per issue ({@code [epoch seconds, count]} pairs, empty when the period is {@code ""}), and the
 * event id of a direct hit.
 */
public record IssueList(
    List<Issue> issues,
    boolean hasMore,
    long hits,
    String statsPeriod,
    Map<Long, long[][]> stats,
    EventId matchingEventId) {}

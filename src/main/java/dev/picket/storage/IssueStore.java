package dev.picket.storage;

import dev.picket.model.Issue;
import java.util.List;
import java.util.Optional;

/** Issues (Sentry's groups). They are created and counted by {@link EventStore#saveBatch}. */
public interface IssueStore {
  /** The issue with this id; empty when there is none. */
  Optional<Issue> find(long issueId);

  /** The hashes attached to the issue, in the order they were first seen. */
  List<String> hashes(long issueId);

  /** The project's issues, most recently seen first, at most {@code limit}. */
  List<Issue> listForProject(long projectId, int limit);
}

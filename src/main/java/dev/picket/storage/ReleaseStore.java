package dev.picket.storage;

import dev.picket.model.Deploy;
import dev.picket.model.Release;
import dev.picket.model.ReleaseChanges;
import dev.picket.model.ReleaseStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An organization's releases and their deploys. Versions are unique within an organization.
 * Releases are also created by the event writer for every release an event carries.
 */
public interface ReleaseStore {
  /** A release and whether this call created it. */
  record Upsert(Release release, boolean created) {}

  /**
   * Creates the release, or adds the projects to the existing one and applies the changes. A
   * project added also enters the project's release order (the one "resolve in next release" uses).
   */
  Upsert upsert(long organizationId, String version, Set<Long> projectIds, ReleaseChanges changes, Instant now);

  Optional<Release> find(long organizationId, String version);

  /**
   * The organization's releases, newest first (by creation, then id); only those of the given
   * projects unless {@code projectIds} is empty; only versions containing {@code query} when it is
   * not blank. Returns up to {@code limit} starting at {@code offset}.
   */
  List<Release> list(long organizationId, Set<Long> projectIds, String query, int offset, int limit);

  /** Applies the changes; empty when the release no longer exists. */
  Optional<Release> update(long releaseId, ReleaseChanges changes);

  /** Deletes the release with its deploys and project links; false when it did not exist. */
  boolean delete(long releaseId);

  ReleaseStats stats(Release release);

  Deploy addDeploy(long releaseId, String environment, String name, String url, Instant started, Instant finished);

  /** The release's deploys, newest first. */
  List<Deploy> deploys(long releaseId);
}

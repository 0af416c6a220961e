package dev.picket.ingest;

import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.RateLimit;
import dev.picket.storage.QuotaStore;
import java.time.Clock;

/**
 * The event quotas: the DSN key's own {@code rateLimit}, then the per-project and
 * per-organization events-per-minute limits of the configuration (0 = unlimited). Counted in
 * fixed windows in the database, so they hold across nodes. Nothing is counted when no limit
 * applies.
 */
public final class Quotas {
  private static final int MINUTE = 60;

  private final QuotaStore store;
  private final int projectPerMinute;
  private final int organizationPerMinute;
  private final Clock clock;

  public Quotas(QuotaStore store, int projectPerMinute, int organizationPerMinute, Clock clock) {
    this.store = store;
    this.projectPerMinute = projectPerMinute;
    this.organizationPerMinute = organizationPerMinute;
    this.clock = clock;
  }

  /** Counts one event; throws {@link Rejection#rateLimited} when a limit is exceeded. */
  void charge(ProjectKey key, Project project) {
    if (key.rateLimit() != null) {
      charge("key:" + key.id(), key.rateLimit(), "key", "key_quota");
    }
    if (projectPerMinute > 0) {
      charge("project:" + project.id(), new RateLimit(MINUTE, projectPerMinute), "project", "project_quota");
    }
    if (organizationPerMinute > 0) {
      charge("organization:" + project.organizationId(), new RateLimit(MINUTE, organizationPerMinute),
          "organization", "org_quota");
    }
  }

  private void charge(String counter, RateLimit limit, String scope, String reason) {
    long now = clock.instant().getEpochSecond();
    long windowStart = now - Math.floorMod(now, limit.windowSeconds());
    if (store.increment(counter, windowStart) > limit.count()) {
      int retryAfter = (int) Math.max(1, windowStart + limit.windowSeconds() - now);
      throw Rejection.rateLimited(retryAfter, scope, reason);
    }
  }
}

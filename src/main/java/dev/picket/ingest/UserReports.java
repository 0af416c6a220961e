package dev.picket.ingest;

import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewUserReport;
import dev.picket.model.UserReport;
import dev.picket.storage.ItemStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * User feedback sent to the web API ({@code POST .../user-feedback/}): written through the
 * {@link Writer} like envelope feedback, so it commits in order with the events, then read back.
 */
public final class UserReports {
  private final Writer writer;
  private final ItemStore items;
  private final Clock clock;

  public UserReports(Writer writer, ItemStore items, Clock clock) {
    this.writer = writer;
    this.items = items;
    this.clock = clock;
  }

  /** Stores the report (replacing the text of an earlier one about the same event); completes once committed. */
  public CompletableFuture<UserReport> save(long projectId, NewUserReport report) {
    NewEnvelopeItems write = new NewEnvelopeItems(projectId, report.eventId(), clock.instant(), List.of(),
        List.of(report), Map.of());
    return writer.submit(null, write)
        .thenApply(ignored -> items.userReport(projectId, report.eventId()).orElseThrow());
  }
}

package dev.picket.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an envelope carried besides its event, to be written in the same transaction as the event
 * (or alone when there is none): attachments that have no event item to travel with (stored
 * against {@code eventId}), user reports, and how many items of each dropped type
 * ({@code session}, {@code client_report} …) arrived, counted per project, type and UTC day of
 * {@code received}.
 */
public record NewEnvelopeItems(
    long projectId,
    EventId eventId,
    Instant received,
    List<NewAttachment> attachments,
    List<NewUserReport> userReports,
    Map<String, Integer> itemCounts) {
  public NewEnvelopeItems {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(received, "received");
    attachments = List.copyOf(attachments);
    userReports = List.copyOf(userReports);
    itemCounts = Map.copyOf(itemCounts);
  }

  public boolean isEmpty() {
    return attachments.isEmpty() && userReports.isEmpty() && itemCounts.isEmpty();
  }
}

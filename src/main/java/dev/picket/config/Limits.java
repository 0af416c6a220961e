package dev.picket.config;

/**
 * Sizes, queue bounds and rate limits. A rate limit of 0 means unlimited. The event limits are
 * events per minute; the API limit is requests per second per credential (or per IP when
 * anonymous). {@code maxAttachmentBytes} caps each envelope attachment (and {@code user_report}
 * item), as Relay's {@code max_attachment_size}: above it the whole envelope is refused with 413.
 */
public record Limits(
    int maxEventBytes,
    int maxRequestBytes,
    long maxDecodedBytes,
    int writerQueue,
    int writerBatch,
    int projectEventsPerMinute,
    int organizationEventsPerMinute,
    int apiRequestsPerSecond,
    int maxAttachmentBytes) {

  public static final int MIB = 1024 * 1024;

  public static Limits defaults() {
    return new Limits(MIB, 20 * MIB, 100L * MIB, 10_000, 500, 0, 0, 0, 100 * MIB);
  }

  public Limits withRates(int projectPerMinute, int organizationPerMinute, int apiPerSecond) {
    return new Limits(maxEventBytes, maxRequestBytes, maxDecodedBytes, writerQueue, writerBatch,
        projectPerMinute, organizationPerMinute, apiPerSecond, maxAttachmentBytes);
  }

  public Limits withMaxAttachmentBytes(int bytes) {
    return new Limits(maxEventBytes, maxRequestBytes, maxDecodedBytes, writerQueue, writerBatch,
        projectEventsPerMinute, organizationEventsPerMinute, apiRequestsPerSecond, bytes);
  }
}

package dev.picket.normalize;

import dev.picket.model.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * What the transport knows about an event besides its payload.
 *
 * @param received server receipt time (required)
 * @param clientIp address of the sending client, used for {@code {{auto}}} IPs; nullable
 * @param sentryClient {@code sentry_client} auth value such as {@code raven-python/6.0}; nullable
 * @param sentAt envelope header {@code sent_at}, for clock-drift correction; nullable
 * @param envelopeEventId envelope header event id; overrides the payload's {@code event_id}; nullable
 * @param sentry9Frames apply Sentry 9's stack-frame rules (see {@code FrameDefaults}): true for
 *     projects on the legacy grouping config, false for current-Sentry configs, whose grouping
 *     expects the frames' {@code in_app} flags as the SDK sent them
 */
public record IngestContext(
    Instant received, String clientIp, String sentryClient, Instant sentAt, EventId envelopeEventId,
    boolean sentry9Frames) {
  public IngestContext {
    Objects.requireNonNull(received, "received");
  }

  /** A context for a project on the legacy (Sentry 9) grouping config. */
  public IngestContext(
      Instant received, String clientIp, String sentryClient, Instant sentAt, EventId envelopeEventId) {
    this(received, clientIp, sentryClient, sentAt, envelopeEventId, true);
  }

  /** A context with only the receipt time, for tests and tools. */
  public static IngestContext at(Instant received) {
    return new IngestContext(received, null, null, null, null);
  }

  /** The same context for a project on a current-Sentry grouping config. */
  public IngestContext withCurrentFrames() {
    return new IngestContext(received, clientIp, sentryClient, sentAt, envelopeEventId, false);
  }
}

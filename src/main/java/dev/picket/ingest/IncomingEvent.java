package dev.picket.ingest;

import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.protocol.EnvelopeItem;
import dev.picket.protocol.SentryAuth;
import java.time.Instant;
import java.util.List;

/**
 * What {@link RequestReader} found in an authenticated request: the project, the credentials, the
 * event JSON bytes (null when the request carried no event) and the envelope's event id and
 * {@code sent_at} when it was an envelope, and the envelope's other items (attachments, feedback,
 * counted types; empty for the store endpoint).
 */
record IncomingEvent(Project project, SentryAuth auth, byte[] payload, EventId envelopeEventId, Instant sentAt,
    List<EnvelopeItem> otherItems) {}

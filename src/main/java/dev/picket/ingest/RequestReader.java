package dev.picket.ingest;

import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.protocol.BodyDecoder;
import dev.picket.protocol.Dsn;
import dev.picket.protocol.Envelope;
import dev.picket.protocol.EnvelopeItem;
import dev.picket.protocol.EnvelopeParser;
import dev.picket.protocol.SentryAuth;
import dev.picket.protocol.SentryAuthParser;
import dev.picket.storage.ProjectStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ingest request down to the event it carries: checks the DSN key against the project
 * (from the headers, the query, or an envelope's {@code dsn} header), decodes the body within the
 * limits, and for envelopes picks the one event item and keeps the others (attachments, user
 * feedback, and the item types that are only counted) for {@link EnvelopeItems}. An attachment or
 * {@code user_report} item over the attachment limit refuses the whole envelope (413), as Relay.
 */
public final class RequestReader {
  private static final Set<String> EVENT_LIKE =
      Set.of("event", "transaction", "security", "raw_security", "feedback", "form_data");

  private final ProjectStore projects;
  private final BodyDecoder decoder;
  private final Quotas quotas;
  private final int maxEventBytes;
  private final int maxAttachmentBytes;
  private final KeyCache<Authorized> keys = new KeyCache<>(KeyCache.DEFAULT_TTL_NANOS);

  public RequestReader(ProjectStore projects, BodyDecoder decoder, Quotas quotas, int maxEventBytes,
      int maxAttachmentBytes) {
    this.projects = projects;
    this.decoder = decoder;
    this.quotas = quotas;
    this.maxEventBytes = maxEventBytes;
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** The DSN key that authenticated the request and its project. */
  private record Authorized(ProjectKey key, Project project) {}

  IncomingEvent read(IngestRequest request) {
    long projectId = projectId(request.projectId());
    Optional<SentryAuth> auth =
        SentryAuthParser.resolve(request.xSentryAuth(), request.authorization(), request.query());
    if (auth.isEmpty() && !request.isEnvelope()) {
      throw Rejection.missingAuth();
    }
    Authorized authorized = auth.map(a -> authorize(projectId, a)).orElse(null);
    byte[] body = readBody(request);
    if (body.length == 0) {
      throw Rejection.of(400, "empty request body");
    }
    if (request.isEnvelope()) {
      return charged(readEnvelope(projectId, auth, authorized, EnvelopeParser.parse(body)));
    }
    byte[] json = BodyDecoder.decodeStoreBody(body, maxEventBytes);
    if (json.length > maxEventBytes) {
      throw Rejection.tooLarge("event");
    }
    return charged(new Incoming(authorized, new IncomingEvent(authorized.project(), auth.get(), json, null, null,
        List.of())));
  }

  private record Incoming(Authorized authorized, IncomingEvent event) {}

  /** An authenticated security-report request: its key, project, credentials and decoded body. */
  record Report(ProjectKey key, Project project, SentryAuth auth, byte[] body) {}

  /**
   * Reads a browser security report request: DSN key (query or header) → 401/403, content type
   * → 415, body within the event size limit → 400/413. Not charged; see {@link #charge(Report)}.
   */
  Report readReport(IngestRequest request) {
    long projectId = projectId(request.projectId());
    SentryAuth auth = SentryAuthParser.resolve(request.xSentryAuth(), request.authorization(), request.query())
        .orElseThrow(Rejection::missingAuth);
    Authorized authorized = authorize(projectId, auth);
    if (!SecurityReports.acceptsContentType(request.contentType())) {
      throw Rejection.of(415, "unsupported media type");
    }
    byte[] body = readBody(request);
    if (body.length == 0) {
      throw Rejection.of(400, "empty request body");
    }
    if (body.length > maxEventBytes) {
      throw Rejection.tooLarge("security");
    }
    return new Report(authorized.key(), authorized.project(), auth, body);
  }

  /** Counts one event of a report request against the quotas. */
  void charge(Report report) {
    quotas.charge(report.key(), report.project());
  }

  /** Counts an event against the quotas; requests without an event are free. */
  private IncomingEvent charged(Incoming incoming) {
    if (incoming.event().payload() != null) {
      quotas.charge(incoming.authorized().key(), incoming.authorized().project());
    }
    return incoming.event();
  }

  private byte[] readBody(IngestRequest request) {
    try {
      return decoder.decode(request.body(), request.contentEncoding());
    } catch (IOException e) {
      throw Rejection.of(400, "could not read request body");
    }
  }

  private Incoming readEnvelope(
      long projectId, Optional<SentryAuth> headerAuth, Authorized fromHeader, Envelope envelope) {
    Optional<Dsn> dsn = Optional.ofNullable(envelope.headers().path("dsn").textValue()).flatMap(Dsn::parse);
    SentryAuth auth = headerAuth.orElseGet(() -> dsn
        .map(d -> new SentryAuth(d.publicKey(), 7, null, null))
        .orElseThrow(Rejection::missingAuth));
    if (dsn.isPresent() && dsn.get().projectId() != projectId) {
      throw new Rejection(400, "invalid event envelope",
          List.of("project id header mismatch between envelope and request"), null);
    }
    Authorized authorized = fromHeader != null ? fromHeader : authorize(projectId, auth);
    EventId eventId = envelope.eventId().orElse(null);
    byte[] event = eventPayload(envelope);
    return new Incoming(authorized, new IncomingEvent(authorized.project(), auth, event, eventId,
        sentAt(envelope), otherItems(envelope)));
  }

  /** Every item but the event, after the attachment size checks. */
  private List<EnvelopeItem> otherItems(Envelope envelope) {
    for (EnvelopeItem item : envelope.items()) {
      if (EnvelopeItems.ATTACHMENT_SIZED.contains(item.type()) && item.payload().length > maxAttachmentBytes) {
        throw Rejection.tooLarge(item.type());
      }
    }
    return envelope.items().stream().filter(i -> !i.type().equals("event")).toList();
  }

  private byte[] eventPayload(Envelope envelope) {
    List<EnvelopeItem> events =
        envelope.items().stream().filter(i -> EVENT_LIKE.contains(i.type())).toList();
    if (events.size() > 1) {
      throw Rejection.tooLarge(events.get(1).type());
    }
    for (EnvelopeItem item : events) {
      if (item.payload().length > maxEventBytes) {
        throw Rejection.tooLarge(item.type());
      }
    }
    return events.stream().filter(i -> i.type().equals("event")).findFirst()
        .map(EnvelopeItem::payload).orElse(null);
  }

  /** The key and project the request may send to; cached for a second (see {@link KeyCache}). */
  private Authorized authorize(long projectId, SentryAuth auth) {
    return keys.get(auth.publicKey(), projectId, () -> projects.findKey(auth.publicKey())
            .filter(ProjectKey::active)
            .filter(k -> k.projectId() == projectId)
            .flatMap(k -> projects.findProject(projectId).map(p -> new Authorized(k, p))))
        .orElseThrow(Rejection::projectRejected);
  }

  private static long projectId(String text) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through to the rejection below
    }
    throw Rejection.of(400, "bad project path parameter");
  }

  private static Instant sentAt(Envelope envelope) {
    String text = envelope.headers().path("sent_at").textValue();
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }
}

package dev.picket.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.Grouper;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.grouping.GroupingResult;
import dev.picket.model.EventId;
import dev.picket.model.EventTag;
import dev.picket.model.IssueSummary;
import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.model.Project;
import dev.picket.normalize.IngestContext;
import dev.picket.normalize.Normalizer;
import dev.picket.protocol.EventJson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest pipeline: authenticate the DSN key, decode the body, pick the event, normalize and
 * group it on the request thread, then hand it to the {@link Writer}. The returned future
 * completes with the event id once the event is committed (or with the envelope's event id, or no
 * id, when the request had no event, e.g. a sessions-only envelope). The envelope's other items
 * (attachments, user feedback, counts of the types that are dropped) are committed with it.
 */
public final class IngestService {
  private final RequestReader reader;
  private final Normalizer normalizer;
  private final Grouper grouper;
  private final Writer writer;
  private final Clock clock;

  public IngestService(RequestReader reader, Normalizer normalizer, Grouper grouper, Writer writer, Clock clock) {
    this.reader = reader;
    this.normalizer = normalizer;
    this.grouper = grouper;
    this.writer = writer;
    this.clock = clock;
  }

  public CompletableFuture<Optional<EventId>> ingest(IngestRequest request) {
    Instant received = clock.instant();
    IncomingEvent incoming = reader.read(request);
    NewEvent newEvent = incoming.payload() == null ? null : newEvent(incoming, request, received);
    EventId eventId = newEvent != null ? newEvent.eventId() : incoming.envelopeEventId();
    if (eventId == null && EnvelopeItems.needEventId(incoming.otherItems())) {
      eventId = EventId.random(); // Relay generates the id when items belong to an event
    }
    NewEnvelopeItems items = otherItems(incoming, newEvent, eventId, received);
    if (newEvent == null && items == null) {
      return CompletableFuture.completedFuture(Optional.ofNullable(eventId));
    }
    EventId answer = eventId;
    if (newEvent == null && items.attachments().isEmpty() && items.userReports().isEmpty()) {
      return countsOnly(items, answer);
    }
    return writer.submit(newEvent, items)
        .thenApply(saved -> Optional.ofNullable(saved).map(SavedEvent::eventId).or(() -> Optional.ofNullable(answer)));
  }

  /**
   * An envelope of dropped item types only (sessions, client reports …): its counts are best
   * effort, so a full writer queue or a failed write still answers 200 (the writer logs failures).
   */
  private CompletableFuture<Optional<EventId>> countsOnly(NewEnvelopeItems items, EventId answer) {
    try {
      return writer.submit(null, items).handle((saved, failure) -> Optional.ofNullable(answer));
    } catch (Rejection overloaded) {
      return CompletableFuture.completedFuture(Optional.ofNullable(answer));
    }
  }

  private NewEvent newEvent(IncomingEvent incoming, IngestRequest request, Instant received) {
    ObjectNode event = normalize(incoming, request, received);
    return grouped(incoming.project(), event, received)
        .withAttachments(EnvelopeItems.attachments(incoming.otherItems()));
  }

  /**
   * Ingests a browser security report request: each report in the body becomes an event
   * (type csp, hpkp, expectct or expectstaple), normalized, grouped and written like any other.
   * The future completes once every one of them is committed.
   */
  public CompletableFuture<Void> ingestSecurityReport(IngestRequest request, SecurityReports.Delivery delivery) {
    Instant received = clock.instant();
    RequestReader.Report report = reader.readReport(request);
    List<ObjectNode> raws = SecurityReports.events(report.body(), delivery);
    raws.forEach(raw -> reader.charge(report));
    IngestContext context = new IngestContext(received, request.clientIp(), report.auth().client(), null, null,
        GroupingConfigs.isSentry9(report.project().groupingConfig()));
    CompletableFuture<?>[] saved = raws.stream()
        .map(raw -> writer.submit(grouped(report.project(), normalizer.normalize(raw, context), received)))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(saved);
  }

  /** Groups a normalized event by its project's config and builds what the writer stores. */
  private NewEvent grouped(Project project, ObjectNode event, Instant received) {
    GroupingResult grouping = grouper.group(event, project.groupingConfig());
    ArrayNode hashes = event.putArray("hashes");
    grouping.hashes().forEach(hashes::add);
    event.put("grouping_config", grouping.configId());
    return toNewEvent(project, event, grouping.hashes(), received);
  }

  /**
   * The envelope's items besides the event, or null when there are none to write. Attachments
   * travel with the event when there is one, else they are stored against the envelope's id.
   */
  private static NewEnvelopeItems otherItems(
      IncomingEvent incoming, NewEvent event, EventId eventId, Instant received) {
    if (incoming.otherItems().isEmpty()) {
      return null;
    }
    NewEnvelopeItems items = new NewEnvelopeItems(incoming.project().id(),
        eventId != null ? eventId : EventId.random(), received,
        event == null ? EnvelopeItems.attachments(incoming.otherItems()) : List.of(),
        EnvelopeItems.userReports(incoming.otherItems(), eventId),
        EnvelopeItems.counts(incoming.otherItems()));
    return items.isEmpty() ? null : items;
  }

  private ObjectNode normalize(IncomingEvent incoming, IngestRequest request, Instant received) {
    JsonNode raw = EventJson.readObject(incoming.payload());
    IngestContext context = new IngestContext(received, request.clientIp(),
        incoming.auth().client(), incoming.sentAt(), incoming.envelopeEventId(),
        GroupingConfigs.isSentry9(incoming.project().groupingConfig()));
    return normalizer.normalize(raw, context);
  }

  private static NewEvent toNewEvent(
      Project project, ObjectNode event, List<String> hashes, Instant received) {
    EventId id = new EventId(event.path("event_id").asText());
    Instant timestamp = EventTimes.instant(event.path("timestamp").asDouble());
    IssueSummary summary = new IssueSummary(
        event.path("title").asText(""),
        event.path("culprit").asText(""),
        event.path("level").asText("error"),
        event.path("type").asText("default"),
        event.path("metadata").toString(),
        event.path("logger").asText(""));
    return new NewEvent(project.id(), id, timestamp, received, hashes, summary, EventJson.write(event),
        tags(event.path("tags")));
  }

  /** The normalized {@code [[key, value], ...]} pairs; anything else is skipped. */
  private static List<EventTag> tags(JsonNode pairs) {
    List<EventTag> tags = new ArrayList<>();
    for (JsonNode pair : pairs) {
      if (pair.size() == 2 && pair.get(0).isTextual() && pair.get(1).isTextual()) {
        tags.add(new EventTag(pair.get(0).asText(), pair.get(1).asText()));
      }
    }
    return tags;
  }
}

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
import dev.picket.model.NewEvent;
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
 * completes with the event id once the event is committed (or with no id when the request had no
 * event, e.g. a sessions-only envelope).
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
    if (incoming.payload() == null) {
      return CompletableFuture.completedFuture(Optional.ofNullable(incoming.envelopeEventId()));
    }
    ObjectNode event = normalize(incoming, request, received);
    return submit(incoming.project(), event, received).thenApply(Optional::of);
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
    IngestContext context = new IngestContext(received, request.clientIp(), report.auth().client(), null, null);
    CompletableFuture<?>[] saved = raws.stream()
        .map(raw -> submit(report.project(), normalizer.normalize(raw, context), received))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(saved);
  }

  /** Groups a normalized event and hands it to the writer; completes with its id once committed. */
  private CompletableFuture<EventId> submit(Project project, ObjectNode event, Instant received) {
    GroupingResult grouping = grouper.group(event, project.groupingConfig());
    ArrayNode hashes = event.putArray("hashes");
    grouping.hashes().forEach(hashes::add);
    event.put("grouping_config", grouping.configId());
    NewEvent newEvent = toNewEvent(project, event, grouping.hashes(), received);
    return writer.submit(newEvent).thenApply(saved -> saved.eventId());
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

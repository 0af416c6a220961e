package dev.picket.storage;

import static dev.picket.storage.Fixtures.T0;
import static dev.picket.storage.Fixtures.event;
import static dev.picket.storage.Fixtures.newProject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.model.Attachment;
import dev.picket.model.EventId;
import dev.picket.model.NewAttachment;
import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewEvent;
import dev.picket.model.NewUserReport;
import dev.picket.model.Project;
import dev.picket.model.UserReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ItemStore} (and the item writes of saveBatch) must show; one subclass per backend. */
public abstract class ItemStoreContract {
  protected abstract Storage storage();

  private ItemStore items() {
    return storage().items();
  }

  private static NewAttachment text(String name, String content) {
    return NewAttachment.of(name, "text/plain", NewAttachment.DEFAULT_TYPE, content.getBytes(StandardCharsets.UTF_8));
  }

  private static NewEnvelopeItems itemsOf(Project project, EventId id, List<NewAttachment> attachments,
      List<NewUserReport> reports, Map<String, Integer> counts) {
    return new NewEnvelopeItems(project.id(), id, T0, attachments, reports, counts);
  }

  @Test
  void attachmentsOfAnEventAreStoredWithItAndReadBackByteIdentical() {
    Project project = newProject(storage());
    byte[] binary = new byte[300_000];
    new Random(7).nextBytes(binary);
    NewAttachment dump = NewAttachment.of("crash.dmp", null, NewAttachment.MINIDUMP, binary);
    NewEvent event = event(project.id(), T0, List.of("h1"), "Boom")
        .withAttachments(List.of(text("log.txt", "hello"), dump));

    storage().events().saveBatch(List.of(event));

    List<Attachment> stored = items().attachments(project.id(), event.eventId());
    assertThat(stored).extracting(Attachment::name).containsExactly("log.txt", "crash.dmp");
    Attachment log = stored.get(0);
    assertThat(log.contentType()).isEqualTo("text/plain");
    assertThat(log.type()).isEqualTo("event.attachment");
    assertThat(log.size()).isEqualTo(5);
    assertThat(log.sha1()).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    assertThat(log.dateCreated()).isEqualTo(event.received());
    assertThat(stored.get(1).contentType()).isNull();
    assertThat(stored.get(1).type()).isEqualTo("event.minidump");
    assertThat(items().attachmentData(project.id(), stored.get(1).id())).hasValueSatisfying(
        data -> assertThat(data).isEqualTo(binary));
    assertThat(items().attachment(project.id(), event.eventId(), log.id())).contains(log);
  }

  @Test
  void aDuplicateEventDoesNotStoreItsAttachmentsAgain() {
    Project project = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("h1"), "Boom").withAttachments(List.of(text("a.txt", "a")));
    storage().events().saveBatch(List.of(event));
    storage().events().saveBatch(List.of(event));
    assertThat(items().attachments(project.id(), event.eventId())).hasSize(1);
  }

  @Test
  void attachmentsWithoutAnEventAreStoredAgainstTheEnvelopeEventId() {
    Project project = newProject(storage());
    EventId id = EventId.random();
    storage().events().saveBatch(List.of(), List.of(itemsOf(project, id, List.of(text("a.txt", "a")), List.of(), Map.of())));
    assertThat(items().attachments(project.id(), id)).extracting(Attachment::name).containsExactly("a.txt");
    assertThat(storage().events().find(project.id(), id)).isEmpty();
  }

  @Test
  void attachmentsAreScopedToTheirProjectAndEvent() {
    Project project = newProject(storage());
    Project other = newProject(storage());
    EventId id = EventId.random();
    storage().events().saveBatch(List.of(), List.of(itemsOf(project, id, List.of(text("a.txt", "a")), List.of(), Map.of())));
    long attachmentId = items().attachments(project.id(), id).get(0).id();
    assertThat(items().attachments(other.id(), id)).isEmpty();
    assertThat(items().attachment(other.id(), id, attachmentId)).isEmpty();
    assertThat(items().attachment(project.id(), EventId.random(), attachmentId)).isEmpty();
    assertThat(items().attachmentData(other.id(), attachmentId)).isEmpty();
  }

  @Test
  void deletingAnIssueDeletesItsEventsAttachmentsAndUserReports() {
    Project project = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("h-del"), "Boom").withAttachments(List.of(text("a.txt", "a")));
    NewEnvelopeItems report = itemsOf(project, event.eventId(), List.of(),
        List.of(new NewUserReport(event.eventId(), "J", "", "c")), Map.of());
    long issue = storage().events().saveBatch(List.of(event), List.of(report)).get(0).issueId();
    EventId unrelated = EventId.random();
    storage().events().saveBatch(List.of(), List.of(itemsOf(project, unrelated, List.of(text("b.txt", "b")),
        List.of(), Map.of())));

    storage().issues().delete(List.of(issue));

    assertThat(items().attachments(project.id(), event.eventId())).isEmpty();
    assertThat(items().userReport(project.id(), event.eventId())).isEmpty();
    assertThat(items().attachments(project.id(), unrelated)).hasSize(1);
  }

  @Test
  void aLaterUserReportForTheSameEventReplacesTheText() {
    Project project = newProject(storage());
    EventId id = EventId.random();
    storage().events().saveBatch(List.of(), List.of(itemsOf(project, id, List.of(),
        List.of(new NewUserReport(id, "Jane", "jane@example.com", "It broke")), Map.of())));
    UserReport first = items().userReport(project.id(), id).orElseThrow();
    storage().events().saveBatch(List.of(), List.of(new NewEnvelopeItems(project.id(), id, T0.plus(Duration.ofMinutes(1)),
        List.of(), List.of(new NewUserReport(id, "Jane D", "jane@example.com", "It broke twice")), Map.of())));

    UserReport report = items().userReport(project.id(), id).orElseThrow();
    assertThat(report.id()).isEqualTo(first.id());
    assertThat(report.dateCreated()).isEqualTo(T0);
    assertThat(report.name()).isEqualTo("Jane D");
    assertThat(report.comments()).isEqualTo("It broke twice");
    assertThat(items().userReports(project.id(), 0, 10)).containsExactly(report);
  }

  @Test
  void userReportsAreListedNewestFirstPerProject() {
    Project project = newProject(storage());
    EventId a = EventId.random();
    EventId b = EventId.random();
    storage().events().saveBatch(List.of(), List.of(
        itemsOf(project, a, List.of(), List.of(new NewUserReport(a, "A", "", "first")), Map.of()),
        new NewEnvelopeItems(project.id(), b, T0.plusSeconds(1), List.of(),
            List.of(new NewUserReport(b, "B", "", "second\0")), Map.of())));
    assertThat(items().userReports(project.id(), 0, 10)).extracting(UserReport::comments)
        .containsExactly("second\uFFFD", "first");
    assertThat(items().userReports(project.id(), 1, 10)).extracting(UserReport::name).containsExactly("A");
    assertThat(items().userReports(newProject(storage()).id(), 0, 10)).isEmpty();
  }

  @Test
  void itemCountsAddUpPerTypeAcrossBatchesAndDays() {
    Project project = newProject(storage());
    EventId id = EventId.random();
    storage().events().saveBatch(List.of(), List.of(itemsOf(project, id, List.of(), List.of(),
        Map.of("session", 2, "client_report", 1))));
    storage().events().saveBatch(List.of(), List.of(new NewEnvelopeItems(project.id(), id, T0.plus(Duration.ofDays(1)),
        List.of(), List.of(), Map.of("session", 3))));
    assertThat(items().itemCounts(project.id())).containsExactly(
        Map.entry("client_report", 1L), Map.entry("session", 5L));
  }

  @Test
  void eventsAndItemsOfOneBatchCommitTogether() {
    Project project = newProject(storage());
    NewEvent event = event(project.id(), T0, List.of("h1"), "Boom");
    NewEnvelopeItems report = itemsOf(project, event.eventId(), List.of(),
        List.of(new NewUserReport(event.eventId(), "J", "j@example.com", "c")), Map.of("session", 1));
    NewEnvelopeItems broken = new NewEnvelopeItems(999_999_999L, EventId.random(), T0, List.of(), List.of(),
        Map.of("session", 1)); // no such project: the whole batch must roll back
    try {
      storage().events().saveBatch(List.of(event), List.of(report, broken));
    } catch (StorageException expected) {
      // fall through to the checks
    }
    assertThat(storage().events().find(project.id(), event.eventId())).isEmpty();
    assertThat(items().userReport(project.id(), event.eventId())).isEmpty();
    assertThat(items().itemCounts(project.id())).isEmpty();
  }
}

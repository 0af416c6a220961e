package dev.picket.ingest;

import dev.picket.model.NewEnvelopeItems;
import dev.picket.model.NewEvent;
import dev.picket.model.SavedEvent;
import dev.picket.storage.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: a bounded queue drained by one thread that commits whatever is queued (up
 * to {@code maxBatch}) in one transaction, then completes each event's future. A future completes
 * only after its event is committed, so "acknowledged" means durable. A full queue is refused at
 * once with {@link Rejection#overloaded()}. What an envelope carries besides its event
 * (attachments without an event item, user reports, item counts) travels in the same task and so
 * in the same transaction as the event.
 */
public final class Writer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

  /** An event (may be null), what its envelope carried besides it (may be null), and its future. */
  private record Task(NewEvent event, NewEnvelopeItems items, CompletableFuture<SavedEvent> done) {}

  private final EventStore store;
  private final BlockingQueue<Task> queue;
  private final int maxBatch;
  private final Thread thread;
  private volatile boolean accepting = true;

  public Writer(EventStore store, int capacity, int maxBatch) {
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "picket-writer");
    this.thread.start();
  }

  /** Queues the event; the future completes when it is committed, or fails with the cause. */
  public CompletableFuture<SavedEvent> submit(NewEvent event) {
    return submit(event, null);
  }

  /**
   * Queues an event (or null) together with the rest of its envelope (or null); the future
   * completes when both are committed, with the saved event or null when there was none.
   */
  public CompletableFuture<SavedEvent> submit(NewEvent event, NewEnvelopeItems items) {
    if (event == null && items == null) {
      throw new IllegalArgumentException("nothing to write");
    }
    CompletableFuture<SavedEvent> done = new CompletableFuture<>();
    if (!accepting || !queue.offer(new Task(event, items, done))) {
      throw Rejection.overloaded();
    }
    return done;
  }

  /** Stops accepting, commits everything already queued, then stops the thread. */
  @Override
  public void close() {
    accepting = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Task> batch = new ArrayList<>(maxBatch);
    while (accepting || !queue.isEmpty()) {
      try {
        Task first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Task> batch) {
    try {
      save(batch);
    } catch (RuntimeException batchFailure) {
      // Isolate a poison event: retry one by one so the others are still saved.
      for (Task task : batch) {
        try {
          save(List.of(task));
        } catch (RuntimeException e) {
          LOG.error("could not store event {}", task.event() != null ? task.event().eventId()
              : task.items().eventId(), e);
          task.done().completeExceptionally(e);
        }
      }
    }
  }

  private void save(List<Task> tasks) {
    List<NewEvent> events = tasks.stream().map(Task::event).filter(e -> e != null).toList();
    List<NewEnvelopeItems> items = tasks.stream().map(Task::items).filter(i -> i != null).toList();
    List<SavedEvent> saved = store.saveBatch(events, items);
    int next = 0;
    for (Task task : tasks) {
      task.done().complete(task.event() == null ? null : saved.get(next++));
    }
  }
}

package dev.picket.ingest;

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
 * once with {@link Rejection#overloaded()}.
 */
public final class Writer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

  private record Task(NewEvent event, CompletableFuture<SavedEvent> done) {}

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
    CompletableFuture<SavedEvent> done = new CompletableFuture<>();
    if (!accepting || !queue.offer(new Task(event, done))) {
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
      complete(batch, store.saveBatch(batch.stream().map(Task::event).toList()));
    } catch (RuntimeException batchFailure) {
      // Isolate a poison event: retry one by one so the others are still saved.
      for (Task task : batch) {
        try {
          complete(List.of(task), store.saveBatch(List.of(task.event())));
        } catch (RuntimeException e) {
          LOG.error("could not store event {}", task.event().eventId(), e);
          task.done().completeExceptionally(e);
        }
      }
    }
  }

  private static void complete(List<Task> tasks, List<SavedEvent> saved) {
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).done().complete(saved.get(i));
    }
  }
}

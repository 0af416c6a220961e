package dev.picket.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained ingest from several threads, bounded in count and in time: each thread sends events
 * with distinct ids, alternating the store endpoint (query auth) and the envelope endpoint (header
 * auth), and round-robins over the targets (several nodes). Every 200 is recorded with the
 * event's fingerprint; a request that fails (status or connection) is counted, never retried, so
 * its outcome stays "unknown" and nothing is claimed about it.
 */
final class IngestLoad {
  /** Where to send: a node's base URL and a project's DSN parts. */
  record Target(String baseUrl, long projectId, String publicKey) {}

  /** Which fingerprint a thread's n-th event carries. */
  interface Fingerprints {
    String of(int thread, int sequence);
  }

  /** How many requests had each outcome so far. */
  record Outcomes(int acknowledged, int refused, int failed) {
    Outcomes minus(Outcomes earlier) {
      return new Outcomes(acknowledged - earlier.acknowledged, refused - earlier.refused, failed - earlier.failed);
    }
  }

  /** What happened: the acknowledged events (id to fingerprint) and the other outcomes. */
  record Result(Map<String, String> acknowledged, int attempted, Map<Integer, Integer> refusedByStatus,
      int connectionFailures, Map<Integer, String> sampleBodyByStatus) {
    Outcomes outcomes() {
      return new Outcomes(acknowledged.size(), refusedByStatus.values().stream().mapToInt(Integer::intValue).sum(),
          connectionFailures);
    }

    @Override
    public String toString() {
      return "attempted=" + attempted + " acknowledged=" + acknowledged.size() + " refused=" + refusedByStatus
          + " connectionFailures=" + connectionFailures
          + (sampleBodyByStatus.isEmpty() ? "" : " sampleBodies=" + sampleBodyByStatus);
    }
  }

  private final List<Target> targets;
  private final Fingerprints fingerprints;
  private final int maxEvents;
  private final long deadlineNanos;
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentMap<String, String> acknowledged = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Integer> refused = new ConcurrentHashMap<>();
  private final AtomicInteger attempted = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger refusedCount = new AtomicInteger();
  private final ConcurrentMap<Integer, String> sampleBody = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  private IngestLoad(List<Target> targets, Fingerprints fingerprints, int maxEvents, Duration maxTime) {
    this.targets = List.copyOf(targets);
    this.fingerprints = fingerprints;
    this.maxEvents = maxEvents;
    this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
  }

  /** Starts {@code threadCount} senders; they stop at {@code maxEvents} attempts, {@code maxTime} or {@link #stop}. */
  static IngestLoad start(List<Target> targets, int threadCount, int maxEvents, Duration maxTime,
      Fingerprints fingerprints) {
    IngestLoad load = new IngestLoad(targets, fingerprints, maxEvents, maxTime);
    for (int i = 0; i < threadCount; i++) {
      int index = i;
      Thread thread = new Thread(() -> load.send(index), "ingest-load-" + i);
      thread.setDaemon(true);
      load.threads.add(thread);
      thread.start();
    }
    return load;
  }

  int acknowledgedSoFar() {
    return acknowledged.size();
  }

  /** The outcomes so far, to compare phases (before SIGTERM, while draining, after exit). */
  Outcomes outcomesSoFar() {
    return new Outcomes(acknowledged.size(), refusedCount.get(), failed.get());
  }

  /** Asks the senders to stop and waits for them (each finishes its request in flight). */
  Result stop() {
    stopped = true;
    return await();
  }

  /** Waits for the senders to reach their count or time bound. */
  Result await() {
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(60).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Result(Map.copyOf(acknowledged), attempted.get(), Map.copyOf(refused), failed.get(),
        Map.copyOf(sampleBody));
  }

  private void send(int thread) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    for (int sequence = 0; !stopped && System.nanoTime() < deadlineNanos; sequence++) {
      if (attempted.incrementAndGet() > maxEvents) {
        attempted.decrementAndGet();
        return;
      }
      Target target = targets.get((thread + sequence) % targets.size());
      String eventId = UUID.randomUUID().toString().replace("-", "");
      String fingerprint = fingerprints.of(thread, sequence);
      HttpRequest request = sequence % 2 == 0
          ? store(target, eventId, fingerprint, thread)
          : envelope(target, eventId, fingerprint, thread);
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains(eventId)) {
          acknowledged.put(eventId, fingerprint);
        } else {
          refused.merge(response.statusCode(), 1, Integer::sum);
          refusedCount.incrementAndGet();
          sampleBody.putIfAbsent(response.statusCode(), "'" + response.body().strip() + "'");
        }
      } catch (IOException e) {
        failed.incrementAndGet();
        pause(); // the server is gone or going: do not spin
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static HttpRequest store(Target target, String eventId, String fingerprint, int thread) {
    return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/" + target.projectId()
            + "/store/?sentry_key=" + target.publicKey() + "&sentry_version=7"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(event(eventId, fingerprint, thread)))
        .build();
  }

  private static HttpRequest envelope(Target target, String eventId, String fingerprint, int thread) {
    byte[] payload = event(eventId, fingerprint, thread).getBytes(StandardCharsets.UTF_8);
    String body = "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"" + Instant.now() + "\"}\n"
        + "{\"type\":\"event\",\"length\":" + payload.length + "}\n"
        + new String(payload, StandardCharsets.UTF_8) + "\n";
    return HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/" + target.projectId() + "/envelope/"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-sentry-envelope")
        .header("X-Sentry-Auth", "Sentry sentry_key=" + target.publicKey()
            + ", sentry_version=7, sentry_client=picket-reliability/1.0")
        .POST(BodyPublishers.ofString(body))
        .build();
  }

  private static String event(String eventId, String fingerprint, int thread) {
    return "{\"event_id\":\"" + eventId + "\",\"level\":\"error\",\"platform\":\"java\","
        + "\"message\":\"reliability " + fingerprint + "\",\"fingerprint\":[\"" + fingerprint + "\"],"
        + "\"tags\":{\"load_thread\":\"" + thread + "\"}}";
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

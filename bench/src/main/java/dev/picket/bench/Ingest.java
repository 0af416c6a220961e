package dev.picket.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Envelope requests as the Python SDK sends them ({@code POST /api/<id>/envelope/} with
 * {@code X-Sentry-Auth}), with the issue spread of an error storm: 1% of events open a new issue,
 * the rest join one of the known issues, skewed towards a few hot ones. Keeps a random sample of
 * acknowledged event ids for the read benchmarks.
 */
final class Ingest {
  private static final int SAMPLE = 2000;

  private final String path;
  private final String headers;
  private final int issues;
  private final AtomicLong nextNewIssue;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong ackedJsonBytes = new AtomicLong();
  private final List<String> sample = new ArrayList<>();
  private long seen;

  Ingest(String dsn, boolean gzip, int issues) {
    URI uri = URI.create(dsn);
    String key = uri.getUserInfo();
    String projectId = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
    this.path = "/api/" + projectId + "/envelope/";
    this.headers = "X-Sentry-Auth: Sentry sentry_key=" + key
        + ", sentry_version=7, sentry_client=sentry.python/2.19.0\r\n"
        + "User-Agent: sentry.python/2.19.0\r\n"
        + "Content-Type: application/x-sentry-envelope\r\n"
        + (gzip ? "Content-Encoding: gzip\r\n" : "");
    this.issues = issues;
    this.nextNewIssue = new AtomicLong(issues);
  }

  /** Storm spread: 1% new issues, else a known issue, skewed (cube of a uniform draw). */
  Load.Request storm(Envelopes envelopes) {
    return conn -> {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      long issue = r.nextInt(100) == 0
          ? nextNewIssue.getAndIncrement()
          : (long) (issues * Math.pow(r.nextDouble(), 3));
      return send(conn, envelopes, issue);
    };
  }

  /** Fill spread: uniform over the known issues. */
  Load.Request uniform(Envelopes envelopes) {
    return conn -> send(conn, envelopes, ThreadLocalRandom.current().nextInt(issues));
  }

  int send(HttpConn conn, Envelopes envelopes, long issue) throws IOException {
    Envelopes.Body body = envelopes.make(issue);
    int status = conn.send("POST", path, headers, body.bytes()).status();
    if (status == 200) {
      acked.incrementAndGet();
      ackedJsonBytes.addAndGet(body.eventBytes());
      sample(body.eventId());
    }
    return status;
  }

  long acked() {
    return acked.get();
  }

  long ackedJsonBytes() {
    return ackedJsonBytes.get();
  }

  synchronized List<String> sample() {
    return List.copyOf(sample);
  }

  /** Reservoir sampling (Algorithm R) of acknowledged event ids. */
  private synchronized void sample(String eventId) {
    seen++;
    if (sample.size() < SAMPLE) {
      sample.add(eventId);
    } else {
      long slot = ThreadLocalRandom.current().nextLong(seen);
      if (slot < SAMPLE) {
        sample.set((int) slot, eventId);
      }
    }
  }
}

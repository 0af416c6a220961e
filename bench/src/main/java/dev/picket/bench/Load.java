package dev.picket.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one phase: {@code connections} threads, each with its own keep-alive connection, send
 * requests back to back until the deadline or the request cap, whichever comes first. Latencies
 * are recorded per thread and merged at the end.
 */
final class Load {
  /** Makes the next request of a phase; called concurrently. */
  interface Request {
    /** Sends one request on {@code conn}; returns the HTTP status. */
    int send(HttpConn conn) throws IOException;
  }

  /** What a phase measured. Latencies are in microseconds, sorted. */
  record Result(long ok, long non2xx, long ioErrors, double seconds, long[] latencies) {
    double perSecond() {
      return ok / seconds;
    }

    double percentileMillis(double p) {
      return Stats.percentile(latencies, p) / 1000.0;
    }
  }

  private Load() {}

  static Result run(int port, int connections, double seconds, long maxRequests, boolean record, Request request)
      throws InterruptedException {
    AtomicLong issued = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong non2xx = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    List<long[]> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      Latencies lat = new Latencies(record);
      Thread thread = new Thread(() -> {
        try (HttpConn conn = new HttpConn(port)) {
          while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
            long t0 = System.nanoTime();
            try {
              int status = request.send(conn);
              (status / 100 == 2 ? ok : non2xx).incrementAndGet();
            } catch (IOException e) {
              errors.incrementAndGet();
              continue;
            }
            lat.add((System.nanoTime() - t0) / 1000);
          }
        }
        synchronized (perThread) {
          perThread.add(lat.toArray());
        }
      }, "bench-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(ok.get(), non2xx.get(), errors.get(), elapsed, all);
  }

  /** A growable list of longs (avoids boxing millions of latencies). */
  private static final class Latencies {
    private final boolean record;
    private long[] values = new long[1024];
    private int size;

    Latencies(boolean record) {
      this.record = record;
    }

    void add(long v) {
      if (!record) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}

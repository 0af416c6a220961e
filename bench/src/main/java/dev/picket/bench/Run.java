package dev.picket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One benchmark run on a fresh data folder: start, first event, idle memory, the HTTP ceiling,
 * one timed ingest phase per event size, the fill, the read endpoints, then a clean stop and the
 * size of the database.
 */
final class Run {
  private final Options o;

  Run(Options options) {
    this.o = options;
  }

  Metrics execute(int number) throws Exception {
    Path dir = Files.createTempDirectory("picket-bench-");
    Metrics m = new Metrics();
    Ingest ingest;
    try (ServerProcess server = new ServerProcess(o, dir)) {
      log(number, "load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
      log(number, "server pid " + server.pid() + " on port " + server.port() + ", data in " + dir);
      ingest = new Ingest(server.dsn(120), o.gzip(), o.issues());
      Envelopes small = new Envelopes(5 * 1024, o.gzip());
      m.put("start to first accepted event (s)", firstEvent(server, ingest, small));
      Thread.sleep(2000);
      m.put("idle RSS after start (MB)", server.memoryMb("VmRSS"));

      double ceiling = ceiling(server.port(), m);
      for (int kb : o.sizesKb()) {
        ingestPhase(server, ingest, kb, ceiling, m);
      }
      m.put("peak RSS after the ingest phases (MB)", server.memoryMb("VmHWM"));
      fill(server.port(), ingest, small, m);
      reads(server, ingest, m);
      m.put("peak RSS at the end (MB)", server.memoryMb("VmHWM"));
      m.put("RSS at the end (MB)", server.memoryMb("VmRSS"));
    }
    storage(dir, ingest, m);
    if (!o.keep()) {
      deleteTree(dir);
    }
    return m;
  }

  private double firstEvent(ServerProcess server, Ingest ingest, Envelopes small) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (HttpConn conn = new HttpConn(server.port())) {
      while (System.nanoTime() < deadline) {
        try {
          if (ingest.send(conn, small, 0) == 200) {
            return (System.nanoTime() - server.startedNanos()) / 1e9;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(10);
      }
    }
    throw new IOException("no event was accepted within 60 s");
  }

  private double ceiling(int port, Metrics m) throws InterruptedException {
    Load.Request health = conn -> conn.send("GET", "/_health/", "", null).status();
    Load.run(port, o.connections(), Math.min(o.warmupSeconds(), 5), o.maxRequests(), false, health);
    Load.Result r = Load.run(port, o.connections(), o.ceilingSeconds(), o.maxRequests(), true, health);
    m.put("HTTP ceiling, GET /_health/ (req/s)", r.perSecond());
    return r.perSecond();
  }

  private void ingestPhase(ServerProcess server, Ingest ingest, int kb, double ceiling, Metrics m)
      throws InterruptedException {
    Envelopes envelopes = new Envelopes(kb * 1024, o.gzip());
    int port = server.port();
    Load.Request storm = ingest.storm(envelopes);
    if (o.warmupSeconds() > 0) {
      Load.run(port, o.connections(), o.warmupSeconds(), o.maxRequests(), false, storm);
    }
    double cpu = server.cpuSeconds();
    Load.Result r = Load.run(port, o.connections(), o.seconds(), o.maxRequests(), true, storm);
    cpu = server.cpuSeconds() - cpu;
    String p = kb + " KB: ";
    m.put(p + "event JSON bytes", envelopes.eventBytes());
    m.put(p + "acknowledged events/s", r.perSecond());
    m.put(p + "ingest / HTTP ceiling", r.perSecond() / ceiling);
    m.put(p + "ack p50 (ms)", r.percentileMillis(50));
    m.put(p + "ack p95 (ms)", r.percentileMillis(95));
    m.put(p + "ack p99 (ms)", r.percentileMillis(99));
    m.put(p + "server CPU ms per event", cpu * 1000 / r.ok());
    m.put(p + "server CPU cores busy", cpu / r.seconds());
    m.put(p + "non-2xx", r.non2xx());
    m.put(p + "connection errors", r.ioErrors());
  }

  private void fill(int port, Ingest ingest, Envelopes small, Metrics m) throws InterruptedException {
    long start = System.nanoTime();
    long before = ingest.acked();
    long deadline = start + o.fillTimeoutSeconds() * 1_000_000_000L;
    while (ingest.acked() < o.fill() && System.nanoTime() < deadline) {
      double left = (deadline - System.nanoTime()) / 1e9;
      long missing = o.fill() - ingest.acked();
      Load.run(port, o.connections(), left, missing, false, ingest.uniform(small));
      log(0, "stored " + ingest.acked() + " events");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    m.put("fill rate, 5 KB (events/s)", (ingest.acked() - before) / seconds);
  }

  private void reads(ServerProcess server, Ingest ingest, Metrics m) throws Exception {
    String user = "bench@picket.invalid";
    server.cli("createuser", "--email", user, "--password", "bench-password-1", "--superuser");
    String token = server.cli("token", "create", "--user", user, "--scopes", "project:read,event:read,org:read");
    new Reads(server.port(), token, o.queries()).measure(ingest.sample(), m);
  }

  /** SQLite: the database file after a clean stop (the last connection checkpoints the WAL). */
  private void storage(Path dir, Ingest ingest, Metrics m) throws IOException {
    m.put("events stored", ingest.acked());
    m.put("raw event JSON bytes per event", (double) ingest.ackedJsonBytes() / ingest.acked());
    if (o.postgres() != null) {
      m.missing("stored bytes per event", "n/a (PostgreSQL)");
      m.missing("stored bytes / raw JSON bytes", "n/a (PostgreSQL)");
      return;
    }
    long bytes = 0;
    for (String f : new String[] {"picket.db", "picket.db-wal", "picket.db-shm"}) {
      Path p = dir.resolve(f);
      bytes += Files.exists(p) ? Files.size(p) : 0;
    }
    m.put("stored bytes per event", (double) bytes / ingest.acked());
    m.put("stored bytes / raw JSON bytes", (double) bytes / ingest.ackedJsonBytes());
  }

  static void log(int run, String message) {
    System.err.println("[bench" + (run > 0 ? " run " + run : "") + "] " + message);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package dev.picket.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the read endpoints after the fill, one request at a time on one connection (what a
 * person clicking through the UI causes): the seed endpoint for random stored events, the issues
 * list and one issue's event list when Picket serves them (a 404 means "not implemented").
 */
final class Reads {
  private static final Pattern GROUP_ID = Pattern.compile("\"groupID\":\"(\\d+)\"");
  private static final String NOT_IMPLEMENTED = "n/a (endpoint not implemented)";

  private final HttpConn conn;
  private final String auth;
  private final int count;

  Reads(int port, String token, int count) {
    this.conn = new HttpConn(port);
    this.auth = "Authorization: Bearer " + token + "\r\n";
    this.count = count;
  }

  void measure(List<String> eventIds, Metrics m) throws IOException {
    String base = "/api/0/projects/sentry/internal/";
    timed(m, "seed endpoint", () -> base + "events/" + eventIds.get(
        ThreadLocalRandom.current().nextInt(eventIds.size())) + "/");
    timed(m, "issues list (sort=date)", () -> base + "issues/?sort=date");
    Matcher group = GROUP_ID.matcher(get(base + "events/" + eventIds.get(0) + "/").text());
    if (group.find()) {
      String issuePath = "/api/0/issues/" + group.group(1) + "/events/";
      timed(m, "issue event list", () -> issuePath);
    } else {
      m.missing("issue event list p50 (ms)", "n/a (no groupID)");
      m.missing("issue event list p95 (ms)", "n/a (no groupID)");
    }
    conn.close();
  }

  private interface Paths {
    String next();
  }

  private void timed(Metrics m, String name, Paths paths) throws IOException {
    int status = get(paths.next()).status();
    if (status == 404 || status == 405) {
      m.missing(name + " p50 (ms)", NOT_IMPLEMENTED);
      m.missing(name + " p95 (ms)", NOT_IMPLEMENTED);
      return;
    }
    for (int i = 0; i < Math.min(200, count); i++) {
      get(paths.next()); // warm-up
    }
    long[] lat = new long[count];
    long deadline = System.nanoTime() + 120_000_000_000L;
    int n = 0;
    int failed = 0;
    while (n < count && System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      if (get(paths.next()).status() != 200) {
        failed++;
      }
      lat[n++] = (System.nanoTime() - t0) / 1000;
    }
    long[] sorted = Arrays.stream(lat, 0, n).sorted().toArray();
    m.put(name + " p50 (ms)", Stats.percentile(sorted, 50) / 1000.0);
    m.put(name + " p95 (ms)", Stats.percentile(sorted, 95) / 1000.0);
    m.put(name + " non-200", failed);
  }

  private HttpConn.Response get(String path) throws IOException {
    return conn.send("GET", path, auth, null);
  }
}

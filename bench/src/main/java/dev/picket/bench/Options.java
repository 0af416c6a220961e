package dev.picket.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command-line options of {@code ./bench/run}; every load loop is bounded by them. */
record Options(
    Path jar,
    int runs,
    int connections,
    int warmupSeconds,
    int seconds,
    int ceilingSeconds,
    long maxRequests,
    List<Integer> sizesKb,
    boolean gzip,
    long fill,
    int issues,
    int fillTimeoutSeconds,
    int queries,
    String postgres,
    List<String> serverJvmOpts,
    boolean keep) {

  static final String USAGE = """
      usage: ./bench/run [options]
        --runs R              independent runs, each on a fresh data folder; medians reported (3)
        --connections N       concurrent keep-alive HTTP/1.1 connections (32)
        --warmup S            warm-up seconds before each timed phase (10)
        --seconds S           timed seconds per ingest phase (30)
        --ceiling-seconds S   timed seconds of the GET /_health/ ceiling phase (10)
        --max-requests M      cap on requests per phase, whatever the time (2000000)
        --sizes 5,50          event sizes in KB, one ingest phase each (5,50)
        --encoding gzip|identity  request body encoding; gzip is what the Python SDK sends (gzip)
        --fill N              fill the store to N events, 0 to skip (1000000)
        --issues K            issues the fill spreads over (1000)
        --fill-timeout S      stop the fill after S seconds (3600)
        --queries Q           timed requests per read endpoint after the fill (2000)
        --postgres URL        run Picket on PostgreSQL (passed as --database-url)
        --server-opt OPT      extra JVM option for the server, repeatable (e.g. -XX:StartFlightRecording=...)
        --keep                keep the data folders
        --jar PATH            the Picket jar (set by ./bench/run)
      """;

  static Options parse(String[] args) {
    Path jar = Path.of("target/picket.jar");
    int runs = 3;
    int connections = 32;
    int warmup = 10;
    int seconds = 30;
    int ceiling = 10;
    long maxRequests = 2_000_000;
    List<Integer> sizes = List.of(5, 50);
    boolean gzip = true;
    long fill = 1_000_000;
    int issues = 1000;
    int fillTimeout = 3600;
    int queries = 2000;
    String postgres = null;
    List<String> jvm = new ArrayList<>();
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> throw new UsageException(null);
        case "--keep" -> keep = true;
        default -> {
          if (i + 1 >= args.length) {
            throw new UsageException("missing value for " + a);
          }
          String v = args[++i];
          switch (a) {
            case "--jar" -> jar = Path.of(v);
            case "--runs" -> runs = positive(a, v);
            case "--connections" -> connections = positive(a, v);
            case "--warmup" -> warmup = (int) number(a, v);
            case "--seconds" -> seconds = positive(a, v);
            case "--ceiling-seconds" -> ceiling = positive(a, v);
            case "--max-requests" -> maxRequests = positive(a, v);
            case "--sizes" -> sizes = sizes(v);
            case "--encoding" -> gzip = encoding(v);
            case "--fill" -> fill = number(a, v);
            case "--issues" -> issues = positive(a, v);
            case "--fill-timeout" -> fillTimeout = positive(a, v);
            case "--queries" -> queries = positive(a, v);
            case "--postgres" -> postgres = v;
            case "--server-opt" -> jvm.add(v);
            default -> throw new UsageException("unknown option " + a);
          }
        }
      }
    }
    return new Options(jar, runs, connections, warmup, seconds, ceiling, maxRequests, sizes, gzip,
        fill, issues, fillTimeout, queries, postgres, List.copyOf(jvm), keep);
  }

  private static long number(String name, String value) {
    try {
      long n = Long.parseLong(value.replace("_", "").replace(",", ""));
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " needs a number >= 0, got " + value);
  }

  private static int positive(String name, String value) {
    long n = number(name, value);
    if (n == 0 || n > Integer.MAX_VALUE) {
      throw new UsageException(name + " needs a positive number, got " + value);
    }
    return (int) n;
  }

  private static List<Integer> sizes(String value) {
    List<Integer> out = new ArrayList<>();
    for (String s : value.split(",")) {
      out.add(positive("--sizes", s.trim()));
    }
    return List.copyOf(out);
  }

  private static boolean encoding(String value) {
    return switch (value) {
      case "gzip" -> true;
      case "identity" -> false;
      default -> throw new UsageException("--encoding is gzip or identity, got " + value);
    };
  }

  /** A bad command line; a null message means "print the usage". */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}

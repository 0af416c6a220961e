package dev.picket.bench;

import java.util.ArrayList;
import java.util.List;

/** {@code ./bench/run}: runs the benchmark {@code --runs} times and prints each run and the medians. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageException e) {
      if (e.getMessage() != null) {
        System.err.println(e.getMessage());
      }
      System.err.print(Options.USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    System.out.println(describe(options));
    List<Metrics> runs = new ArrayList<>();
    for (int i = 1; i <= options.runs(); i++) {
      Run.log(i, "starting");
      runs.add(new Run(options).execute(i));
      Run.log(i, "done");
    }
    System.out.println();
    System.out.print(Metrics.table(runs, Metrics.medians(runs)));
  }

  private static String describe(Options o) {
    return "Picket benchmark: " + o.runs() + " run(s), " + o.connections() + " connections, "
        + o.warmupSeconds() + " s warm-up + " + o.seconds() + " s per ingest phase, sizes " + o.sizesKb()
        + " KB, " + (o.gzip() ? "gzip" : "identity") + " bodies, fill to " + o.fill() + " events over "
        + o.issues() + " issues, " + (o.postgres() == null ? "SQLite" : "PostgreSQL")
        + ", cores " + Runtime.getRuntime().availableProcessors();
  }
}

package dev.picket.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, in report order; a missing figure carries the reason instead. */
final class Metrics {
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final Map<String, String> missing = new LinkedHashMap<>();

  void put(String name, double value) {
    values.put(name, value);
  }

  void missing(String name, String reason) {
    values.put(name, Double.NaN);
    missing.put(name, reason);
  }

  /** Medians per figure over several runs (figures of the first run, in its order). */
  static Metrics medians(List<Metrics> runs) {
    Metrics out = new Metrics();
    for (String name : runs.get(0).values.keySet()) {
      List<Double> all = new ArrayList<>();
      runs.forEach(r -> all.add(r.values.getOrDefault(name, Double.NaN)));
      double median = Stats.median(all);
      if (Double.isNaN(median)) {
        out.missing(name, runs.get(0).missing.getOrDefault(name, "n/a"));
      } else {
        out.put(name, median);
      }
    }
    return out;
  }

  /** A Markdown table, one row per figure, one column per run plus the median. */
  static String table(List<Metrics> runs, Metrics medians) {
    StringBuilder sb = new StringBuilder("| Figure |");
    for (int i = 1; i <= runs.size(); i++) {
      sb.append(" run ").append(i).append(" |");
    }
    sb.append(" median |\n|---|").append("---:|".repeat(runs.size() + 1)).append('\n');
    for (String name : medians.values.keySet()) {
      sb.append("| ").append(name).append(" |");
      runs.forEach(r -> sb.append(' ').append(r.format(name)).append(" |"));
      sb.append(' ').append(medians.format(name)).append(" |\n");
    }
    return sb.toString();
  }

  String format(String name) {
    Double v = values.get(name);
    if (v == null || Double.isNaN(v)) {
      return missing.getOrDefault(name, "n/a");
    }
    if (v == Math.rint(v) && Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.3g", v);
  }
}

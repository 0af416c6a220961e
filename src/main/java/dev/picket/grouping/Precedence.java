package dev.picket.grouping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Strategy precedence (§6.3): the first strategy with a contributing variant wins; contributing
 * variants of later strategies are switched off with a "... takes precedence" hint. Each variant's
 * root component collects that variant's components of every strategy.
 */
final class Precedence {
  private Precedence() {}

  static Map<String, GroupingComponent> apply(
      List<Map.Entry<String, Map<String, GroupingComponent>>> strategies) {
    String winner = null;
    String hint = null;
    Map<String, List<GroupingComponent>> perVariant = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, GroupingComponent>> s : strategies) {
      String name = s.getKey();
      for (Map.Entry<String, GroupingComponent> v : s.getValue().entrySet()) {
        GroupingComponent c = v.getValue();
        perVariant.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(c);
        if (winner == null) {
          if (c.contributes()) {
            winner = name;
            hint = hint(name, v.getKey(), s.getValue());
          }
        } else if (c.contributes() && !winner.equals(name)) {
          c.update(false, hint);
        }
      }
    }
    Map<String, GroupingComponent> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<GroupingComponent>> e : perVariant.entrySet()) {
      GroupingComponent root = new GroupingComponent(e.getKey(), e.getValue());
      if (!root.contributes() && hint != null) {
        root.hint(hint);
      }
      out.put(e.getKey(), root);
    }
    return out;
  }

  private static String hint(String strategy, String variant, Map<String, GroupingComponent> all) {
    TreeSet<String> names = new TreeSet<>();
    all.forEach((n, c) -> {
      if (c.contributes()) {
        names.add(n);
      }
    });
    String who = variant.equals("default") ? strategy : strategy + " of " + String.join("/", names);
    return who + (strategy.endsWith("s") ? " take" : " takes") + " precedence";
  }
}

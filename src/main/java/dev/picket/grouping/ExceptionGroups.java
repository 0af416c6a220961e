package dev.picket.grouping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exception groups (§6.7, RFC 0079): when every exception carries {@code mechanism.exception_id}
 * and the tree is well-formed, keep the distinct "top-level" exceptions (first non-group
 * descendants of the root). One distinct → it and its first-child chain; several → one of each
 * plus the root group. Anything malformed → all exceptions, unfiltered.
 */
final class ExceptionGroups {
  private ExceptionGroups() {}

  /** Indexes into {@code exceptions} of those to group by, in order. */
  static List<Integer> filter(List<JsonNode> exceptions, List<Map<String, GroupingComponent>> comps) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < exceptions.size(); i++) {
      all.add(i);
    }
    if (exceptions.size() <= 1) {
      return all;
    }
    Map<Integer, Integer> byId = new HashMap<>();
    Map<Integer, List<Integer>> children = new HashMap<>();
    for (int i = exceptions.size() - 1; i >= 0; i--) {
      JsonNode m = exceptions.get(i).path("mechanism");
      if (!m.path("exception_id").canConvertToInt()) {
        return all;
      }
      int id = m.path("exception_id").asInt();
      if (byId.put(id, i) != null) {
        return all;
      }
      if (m.path("parent_id").canConvertToInt()) {
        children.computeIfAbsent(m.path("parent_id").asInt(), k -> new ArrayList<>()).add(i);
      }
    }
    Integer root = byId.get(0);
    if (root == null) {
      return all;
    }
    List<Integer> top = new ArrayList<>();
    if (!topLevel(root, exceptions, children, top, new HashSet<>())) {
      return all;
    }
    top.sort(Comparator.comparing((Integer i) -> exceptions.get(i).path("type").asText("None"))
        .reversed());
    List<Integer> distinct = new ArrayList<>();
    String last = null;
    for (int i : top) {
      String key = key(comps.get(i));
      if (!key.equals(last)) {
        distinct.add(i);
      }
      last = key;
    }
    if (distinct.size() == 1) {
      List<Integer> path = new ArrayList<>();
      Integer cur = distinct.get(0);
      Set<Integer> seen = new HashSet<>();
      while (cur != null && seen.add(cur)) {
        path.add(cur);
        List<Integer> kids = children.get(id(exceptions.get(cur)));
        cur = kids == null || kids.isEmpty() ? null : kids.get(0);
      }
      return path;
    }
    distinct.add(root);
    return distinct;
  }

  private static boolean topLevel(int i, List<JsonNode> exceptions, Map<Integer, List<Integer>> children,
      List<Integer> out, Set<Integer> seen) {
    if (!seen.add(i)) {
      return false;
    }
    if (exceptions.get(i).path("mechanism").path("is_exception_group").asBoolean(false)) {
      for (int child : children.getOrDefault(id(exceptions.get(i)), List.of())) {
        if (!topLevel(child, exceptions, children, out, seen)) {
          return false;
        }
      }
    } else {
      out.add(i);
    }
    return true;
  }

  private static int id(JsonNode e) {
    return e.path("mechanism").path("exception_id").asInt();
  }

  private static String key(Map<String, GroupingComponent> variants) {
    StringBuilder sb = new StringBuilder();
    variants.values().forEach(c -> sb.append(c.flatValues()).append('|'));
    return sb.toString();
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes an event's grouping hashes with a named config, and the variants that explain them
 * (for the grouping-info endpoint). The hash list is the hash of every contributing variant in
 * the strategy's order (newstyle: {@code system} last), duplicates removed. Stateless and
 * thread-safe; the event is not modified.
 */
public final class Grouper {
  /** @throws IllegalArgumentException for an unknown config id */
  public GroupingResult group(ObjectNode normalizedEvent, String configId) {
    return group(normalizedEvent, configId, null);
  }

  /**
   * Groups with extra project stack-trace rules (Sentry's syntax, one per line; null = none).
   *
   * @throws IllegalArgumentException for an unknown config id or an invalid rule
   */
  public GroupingResult group(ObjectNode normalizedEvent, String configId, String projectRules) {
    return new GroupingResult(configId, hashes(variants(normalizedEvent, configId, projectRules)));
  }

  /** Every variant of the event under {@code configId}, contributing or not, hash-list order. */
  public List<GroupingVariant> variants(ObjectNode normalizedEvent, String configId) {
    return variants(normalizedEvent, configId, null);
  }

  public List<GroupingVariant> variants(ObjectNode normalizedEvent, String configId,
      String projectRules) {
    return GroupingConfigs.strategy(configId).groupingVariants(normalizedEvent, projectRules);
  }

  static List<String> hashes(List<GroupingVariant> variants) {
    Set<String> out = new LinkedHashSet<>();
    for (GroupingVariant v : variants) {
      if (v.hash() != null) {
        out.add(v.hash());
      }
    }
    return new ArrayList<>(out);
  }
}

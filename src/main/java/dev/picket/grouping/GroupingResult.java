package dev.picket.grouping;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of grouping one event.
 *
 * @param configId the grouping config that produced the hashes
 * @param hashes 32-char lowercase md5 hex strings, primary first, never empty
 */
public record GroupingResult(String configId, List<String> hashes) {
  public GroupingResult {
    Objects.requireNonNull(configId, "configId");
    hashes = List.copyOf(hashes);
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("hashes must not be empty");
    }
  }
}

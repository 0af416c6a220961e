package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Computes an event's grouping hashes with a named config: legacy {@code checksum} first, then the
 * client fingerprint (default / hybrid / custom) over the strategy's variants, else md5 of nothing.
 * Stateless and thread-safe.
 */
public final class Grouper {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

  /** @throws IllegalArgumentException for an unknown config id */
  public GroupingResult group(ObjectNode normalizedEvent, String configId) {
    GroupingStrategy strategy = GroupingConfigs.strategy(configId);
    return new GroupingResult(configId, hashes(normalizedEvent, strategy));
  }

  private static List<String> hashes(ObjectNode event, GroupingStrategy strategy) {
    String checksum = event.path("checksum").asText("");
    if (!checksum.isEmpty()) {
      return List.of(MD5_HEX.matcher(checksum).matches() ? checksum
          : Hashes.md5(List.of(checksum)));
    }
    List<String> fingerprint = Fingerprints.entries(event.get("fingerprint"));
    Fingerprints.Kind kind = Fingerprints.kind(fingerprint);
    if (kind == Fingerprints.Kind.CUSTOM) {
      return List.of(Hashes.md5(fingerprint));
    }
    Set<String> out = new LinkedHashSet<>();
    for (GroupingStrategy.Variant v : strategy.variants(event)) {
      List<String> values = kind == Fingerprints.Kind.HYBRID
          ? Fingerprints.splice(fingerprint, v.values()) : v.values();
      out.add(Hashes.md5(values));
    }
    if (out.isEmpty()) {
      out.add(kind == Fingerprints.Kind.HYBRID
          ? Hashes.md5(Fingerprints.splice(fingerprint, List.of())) : Hashes.EMPTY);
    }
    return new ArrayList<>(out);
  }
}

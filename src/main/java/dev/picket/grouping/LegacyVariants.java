package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checksum and fingerprint handling of {@code legacy:2019-03-12}, as data: checksum, then a
 * custom fingerprint (entries used literally), else the strategy's variants (hybrid fingerprints
 * spliced in), else md5 of nothing. Frozen with that config.
 */
final class LegacyVariants {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

  private LegacyVariants() {}

  static List<GroupingVariant> build(ObjectNode event, List<GroupingStrategy.Variant> variants) {
    String checksum = event.path("checksum").asText("");
    if (!checksum.isEmpty()) {
      boolean hex = MD5_HEX.matcher(checksum).matches();
      return List.of(new GroupingVariant(hex ? "checksum" : "hashed-checksum", "checksum",
          hex ? checksum : Hashes.md5(List.of(checksum)), null, List.of(checksum), null));
    }
    List<String> fingerprint = Fingerprints.entries(event.get("fingerprint"));
    Fingerprints.Kind kind = Fingerprints.kind(fingerprint);
    if (kind == Fingerprints.Kind.CUSTOM) {
      return List.of(new GroupingVariant("custom-fingerprint", "custom-fingerprint",
          Hashes.md5(fingerprint), null, fingerprint, null));
    }
    boolean hybrid = kind == Fingerprints.Kind.HYBRID;
    List<GroupingVariant> out = new ArrayList<>();
    for (GroupingStrategy.Variant v : variants) {
      List<String> values = hybrid ? Fingerprints.splice(fingerprint, v.values()) : v.values();
      out.add(new GroupingVariant(v.name(), hybrid ? "salted-component" : "component",
          Hashes.md5(values), null, values, null));
    }
    if (out.isEmpty()) {
      List<String> values = hybrid ? Fingerprints.splice(fingerprint, List.of()) : List.of();
      out.add(new GroupingVariant("fallback", "fallback", Hashes.md5(values), null, values, null));
    }
    return out;
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the strategies' root components into the event's variants (§6.10, §6.11): a legacy
 * {@code checksum} replaces everything; a custom fingerprint adds {@code custom-fingerprint} and
 * switches the components off; a hybrid one salts every component; nothing contributing adds
 * {@code fallback}. Sorted with {@code system} last.
 */
final class NewstyleVariants {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

  private NewstyleVariants() {}

  static List<GroupingVariant> build(ObjectNode event, Map<String, GroupingComponent> components) {
    String checksum = NewstyleFrames.text(event, "checksum");
    if (checksum != null) {
      boolean hex = MD5_HEX.matcher(checksum).matches();
      return List.of(new GroupingVariant(hex ? "checksum" : "hashed-checksum", "checksum",
          hex ? checksum : Hashes.md5(List.of(checksum)), null, List.of(checksum), null));
    }
    List<String> fingerprint = Fingerprints.entries(event.get("fingerprint"));
    if (fingerprint.isEmpty()) {
      fingerprint = List.of("{{ default }}");
    }
    long defaults = fingerprint.stream().filter(FingerprintVariables::isDefault).count();
    List<GroupingVariant> out = new ArrayList<>();
    if (defaults == 0) {
      components.values().forEach(c -> {
        c.update(false, "custom fingerprint takes precedence");
        out.add(GroupingVariant.ofComponent(c));
      });
      List<String> resolved = FingerprintVariables.resolve(fingerprint, event);
      out.add(new GroupingVariant("custom-fingerprint", "custom-fingerprint",
          Hashes.md5(resolved), "custom fingerprint", resolved, null));
    } else if (fingerprint.size() == 1) {
      components.values().forEach(c -> out.add(GroupingVariant.ofComponent(c)));
    } else {
      List<String> resolved = FingerprintVariables.resolve(fingerprint, event);
      components.values().forEach(c -> out.add(salted(resolved, c)));
    }
    if (out.stream().noneMatch(GroupingVariant::contributes)) {
      out.add(GroupingVariant.fallback());
    }
    out.sort(Comparator.comparingInt(v -> v.name().equals("system") ? 1 : 0));
    return out;
  }

  private static GroupingVariant salted(List<String> fingerprint, GroupingComponent c) {
    if (!c.contributes()) {
      return new GroupingVariant(c.id(), "salted-component", null, c.hint(), List.of(), c);
    }
    List<String> values = new ArrayList<>();
    for (String entry : fingerprint) {
      if (FingerprintVariables.isDefault(entry)) {
        values.addAll(c.flatValues());
      } else {
        values.add(entry);
      }
    }
    return new GroupingVariant(c.id(), "salted-component", Hashes.md5(values), c.hint(), values, c);
  }
}

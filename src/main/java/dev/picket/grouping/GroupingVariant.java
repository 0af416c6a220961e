package dev.picket.grouping;

import java.util.List;

/**
 * One grouping variant of an event, as Sentry's grouping-info shows it: why the event groups the
 * way it does.
 *
 * @param name {@code app}, {@code system}, {@code default}, {@code custom-fingerprint},
 *     {@code checksum}, {@code hashed-checksum}, {@code fallback} (legacy also {@code template},
 *     {@code message})
 * @param type {@code component}, {@code salted-component}, {@code custom-fingerprint},
 *     {@code checksum}, {@code fallback}
 * @param hash md5 hex, or null when the variant does not contribute
 * @param hint why it does (not) contribute; nullable
 * @param values the values hashed (empty when the variant does not contribute)
 * @param component the component tree, or null for variants without one
 */
public record GroupingVariant(
    String name, String type, String hash, String hint, List<String> values,
    GroupingComponent component) {
  public GroupingVariant {
    values = List.copyOf(values);
  }

  public boolean contributes() {
    return hash != null;
  }

  static GroupingVariant ofComponent(GroupingComponent c) {
    return new GroupingVariant(c.id(), "component", c.hash(), c.hint(), c.flatValues(), c);
  }

  static GroupingVariant fallback() {
    return new GroupingVariant("fallback", "fallback", Hashes.EMPTY, null, List.of(), null);
  }
}

package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One released grouping config. Implementations are frozen once released: a behaviour change is
 * a new config id and a new class, never an edit, so stored hashes stay reproducible.
 */
interface GroupingStrategy {
  /** The config id, e.g. {@code legacy:2019-03-12}. */
  String id();

  /**
   * The event's variants in hash-list order (primary first). Each variant is the list of values
   * hashed; empty variants are left out. An empty result means "nothing contributes".
   */
  List<Variant> variants(ObjectNode event);

  /**
   * Every variant with its hash (or null), hint and component tree, in hash-list order, after
   * checksum and fingerprint handling. {@code projectRules} are extra stack-trace rules (Sentry's
   * syntax) or null.
   */
  List<GroupingVariant> groupingVariants(ObjectNode event, String projectRules);

  /** A named list of contributing values. */
  record Variant(String name, List<String> values) {
    public Variant {
      values = List.copyOf(values);
    }
  }
}

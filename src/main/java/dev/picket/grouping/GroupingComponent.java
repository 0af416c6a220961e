package dev.picket.grouping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One node of a grouping component tree (§6.11): an id, either leaf values or child components,
 * whether it contributes, and a hint saying why (not). A component's {@code contributes} flag is
 * decided when it is created (any contributing child / any leaf value) and only changes when a
 * rule updates it explicitly, as in Sentry. Built by one thread, then read-only.
 */
public final class GroupingComponent {
  private final String id;
  private final List<Object> values = new ArrayList<>();
  private boolean contributes;
  private String hint;

  GroupingComponent(String id) {
    this.id = id;
  }

  GroupingComponent(String id, List<?> values) {
    this.id = id;
    setValues(values);
  }

  static GroupingComponent leaf(String id, String value) {
    return value == null ? new GroupingComponent(id) : new GroupingComponent(id, List.of(value));
  }

  public String id() {
    return id;
  }

  public boolean contributes() {
    return contributes;
  }

  public String hint() {
    return hint;
  }

  /** Leaf values (strings) and child components, in order. */
  public List<Object> values() {
    return Collections.unmodifiableList(values);
  }

  /** The child components. */
  public List<GroupingComponent> children() {
    List<GroupingComponent> out = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof GroupingComponent c) {
        out.add(c);
      }
    }
    return out;
  }

  /** Replaces the values and recomputes {@code contributes} from them. */
  GroupingComponent setValues(List<?> newValues) {
    values.clear();
    values.addAll(newValues);
    contributes = false;
    for (Object v : values) {
      if (!(v instanceof GroupingComponent c) || c.contributes) {
        contributes = true;
        break;
      }
    }
    return this;
  }

  GroupingComponent update(boolean contributes, String hint) {
    this.contributes = contributes;
    if (hint != null) {
      this.hint = hint;
    }
    return this;
  }

  GroupingComponent hint(String hint) {
    this.hint = hint;
    return this;
  }

  /** Contributing leaf values, depth first, skipping non-contributing subtrees. */
  public List<String> flatValues() {
    List<String> out = new ArrayList<>();
    collect(out);
    return out;
  }

  private void collect(List<String> out) {
    if (!contributes) {
      return;
    }
    for (Object v : values) {
      if (v instanceof GroupingComponent c) {
        c.collect(out);
      } else {
        out.add(String.valueOf(v));
      }
    }
  }

  /** md5 of {@link #flatValues()}, or null when the component does not contribute. */
  public String hash() {
    return contributes ? Hashes.md5(flatValues()) : null;
  }

  /** This component and all descendants with the given id, depth first. */
  List<GroupingComponent> find(String wanted) {
    List<GroupingComponent> out = new ArrayList<>();
    if (id.equals(wanted)) {
      out.add(this);
    }
    for (GroupingComponent c : children()) {
      out.addAll(c.find(wanted));
    }
    return out;
  }
}

package dev.picket.grouping;

import java.util.Map;

/** The registry of grouping config ids: one strategy per id, registered here and nowhere else. */
public final class GroupingConfigs {
  public static final String LEGACY_2019_03_12 = "legacy:2019-03-12";
  public static final String NEWSTYLE_2023_01_11 = "newstyle:2023-01-11";
  public static final String DEFAULT = LEGACY_2019_03_12;

  private static final Map<String, GroupingStrategy> STRATEGIES = Map.of(
      LEGACY_2019_03_12, new LegacyStrategy(),
      NEWSTYLE_2023_01_11, new NewstyleStrategy());

  private GroupingConfigs() {}

  public static boolean isKnown(String id) {
    return id != null && STRATEGIES.containsKey(id);
  }

  /** Whether the config reproduces Sentry 9, whose normalization also rewrote frames' in-app flags. */
  public static boolean isSentry9(String id) {
    return id != null && id.startsWith("legacy:");
  }

  static GroupingStrategy strategy(String id) {
    GroupingStrategy s = id == null ? null : STRATEGIES.get(id);
    if (s == null) {
      throw new IllegalArgumentException("unknown grouping config: " + id);
    }
    return s;
  }
}

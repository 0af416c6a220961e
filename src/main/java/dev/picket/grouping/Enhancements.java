package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of stack-trace rules (base rules plus project/event rules), applied in two phases as in
 * Sentry: before grouping, {@code +app}/{@code -app}/{@code category=} change the frames; while
 * grouping, {@code +group}/{@code -group}, {@code max-frames} and {@code min-frames} change which
 * frame components contribute.
 */
final class Enhancements {
  private final List<EnhancementRule> rules;

  Enhancements(List<EnhancementRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses one rule per line; blank lines and {@code #} comments are skipped. */
  static Enhancements parse(String text) {
    List<EnhancementRule> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        out.add(EnhancementRule.parse(l));
      }
    }
    return new Enhancements(out);
  }

  Enhancements plus(Enhancements more) {
    List<EnhancementRule> all = new ArrayList<>(rules);
    all.addAll(more.rules);
    return new Enhancements(all);
  }

  static MatchFrame[] matchFrames(List<ObjectNode> frames, String platform) {
    MatchFrame[] out = new MatchFrame[frames.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new MatchFrame(frames.get(i), platform);
    }
    return out;
  }

  /** Phase 1: sets {@code in_app} and {@code data.category} on the frames. */
  void modifyFrames(List<ObjectNode> frames, String platform, MatchFrame.ExceptionData exception) {
    MatchFrame[] match = matchFrames(frames, platform);
    for (EnhancementRule rule : rules) {
      for (EnhancementRule.Action a : rule.actions()) {
        if (!a.modifiesFrames()) {
          continue;
        }
        for (int idx : rule.matchingFrames(match, exception)) {
          for (int i : range(idx, a.range(), frames.size())) {
            if (a.isFlag()) {
              frames.get(i).put("in_app", a.flag());
              match[i].inApp(a.flag());
            } else {
              frames.get(i).with("data").put("category", a.value());
              match[i].category(a.value());
            }
          }
        }
      }
    }
  }

  /**
   * Phase 2: updates the frame components' contributions and returns the stack-trace component.
   */
  GroupingComponent assemble(List<GroupingComponent> components, List<ObjectNode> frames,
      String platform, MatchFrame.ExceptionData exception) {
    MatchFrame[] match = matchFrames(frames, platform);
    int maxFrames = 0;
    int minFrames = 0;
    for (EnhancementRule rule : rules) {
      for (EnhancementRule.Action a : rule.actions()) {
        if (a.modifiesFrames()) {
          continue;
        }
        for (int idx : rule.matchingFrames(match, exception)) {
          if (a.isFlag()) {
            for (int i : range(idx, a.range(), frames.size())) {
              GroupingComponent c = components.get(i);
              if (c.contributes() != a.flag()) {
                c.update(a.flag(), (a.flag() ? "un-ignored" : "ignored")
                    + " by stack trace rule (" + rule.text() + ")");
              }
            }
          } else if (a.key().equals("max-frames")) {
            maxFrames = parseInt(a.value());
          } else if (a.key().equals("min-frames")) {
            minFrames = parseInt(a.value());
          }
        }
      }
    }
    if (maxFrames > 0) {
      int kept = 0;
      for (int i = components.size() - 1; i >= 0; i--) {
        GroupingComponent c = components.get(i);
        if (c.contributes() && ++kept > maxFrames) {
          c.update(false, "ignored because only " + maxFrames
              + (maxFrames == 1 ? " frame is" : " frames are") + " considered");
        }
      }
    }
    GroupingComponent st = new GroupingComponent("stacktrace", components);
    if (minFrames > 0) {
      long contributing = components.stream().filter(GroupingComponent::contributes).count();
      if (contributing > 0 && contributing < minFrames) {
        st.update(false, "discarded because stack trace only contains " + contributing
            + " frame" + (contributing == 1 ? "" : "s") + " which is under the configured threshold");
      }
    }
    return st;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Integer> range(int idx, int range, int size) {
    List<Integer> out = new ArrayList<>();
    if (range == 0) {
      out.add(idx);
    } else if (range > 0) {
      for (int i = idx + 1; i < size; i++) {
        out.add(i);
      }
    } else {
      for (int i = 0; i < idx; i++) {
        out.add(i);
      }
    }
    return out;
  }
}

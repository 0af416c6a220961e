package dev.picket.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * One stack-trace rule line: matchers, then actions. Actions: flags {@code +app -app +group
 * -group} with an optional range prefix ({@code ^} = the frames toward the crash, {@code v} =
 * the frames away from it), and variables {@code max-frames=N min-frames=N category=NAME
 * invert-stacktrace=1}.
 */
record EnhancementRule(String text, List<FrameMatcher> matchers, List<Action> actions) {

  /** range: 0 = the frame itself, +1 = frames after it (toward the crash), -1 = frames before it. */
  record Action(String key, boolean flag, int range, String value) {
    boolean isFlag() {
      return value == null;
    }

    boolean modifiesFrames() {
      return isFlag() ? key.equals("app") : key.equals("category");
    }
  }

  static EnhancementRule parse(String line) {
    List<FrameMatcher> matchers = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    String[] tokens = line.trim().replace("[", " [ ").replace("]", " ] ").replace("|", " | ")
        .trim().split("\\s+");
    boolean afterBar = false;
    List<String> bracket = null;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals("[")) {
        bracket = new ArrayList<>();
      } else if (t.equals("]")) {
        boolean caller = !afterBar && i + 1 < tokens.length && tokens[i + 1].equals("|");
        for (String b : bracket) {
          matchers.add(FrameMatcher.parse(b, caller ? -1 : 1));
        }
        bracket = null;
      } else if (t.equals("|")) {
        afterBar = true;
      } else if (bracket != null) {
        bracket.add(t);
      } else if (isAction(t)) {
        actions.add(action(t));
      } else {
        matchers.add(FrameMatcher.parse(t, 0));
      }
    }
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("rule without actions: " + line);
    }
    return new EnhancementRule(line.trim(), List.copyOf(matchers), List.copyOf(actions));
  }

  private static boolean isAction(String t) {
    if (t.contains("=") && !t.contains(":")) {
      return true;
    }
    String s = t.startsWith("^") || t.startsWith("v") && t.length() > 1
        && (t.charAt(1) == '+' || t.charAt(1) == '-') ? t.substring(1) : t;
    return s.equals("+app") || s.equals("-app") || s.equals("+group") || s.equals("-group");
  }

  private static Action action(String t) {
    int eq = t.indexOf('=');
    if (eq > 0 && !t.startsWith("+") && !t.startsWith("-")) {
      return new Action(t.substring(0, eq), false, 0, t.substring(eq + 1));
    }
    int range = 0;
    String s = t;
    if (s.startsWith("^")) {
      range = 1;
      s = s.substring(1);
    } else if (s.startsWith("v")) {
      range = -1;
      s = s.substring(1);
    }
    return new Action(s.substring(1), s.charAt(0) == '+', range, null);
  }

  /** Indexes of the frames this rule matches (all exception matchers must match too). */
  List<Integer> matchingFrames(MatchFrame[] frames, MatchFrame.ExceptionData exception) {
    List<Integer> out = new ArrayList<>();
    for (FrameMatcher m : matchers) {
      if (m.isExceptionMatcher() && !m.matches(frames, 0, exception)) {
        return out;
      }
    }
    for (int i = 0; i < frames.length; i++) {
      boolean all = true;
      for (FrameMatcher m : matchers) {
        if (!m.isExceptionMatcher() && !m.matches(frames, i, exception)) {
          all = false;
          break;
        }
      }
      if (all) {
        out.add(i);
      }
    }
    return out;
  }
}

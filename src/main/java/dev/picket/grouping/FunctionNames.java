package dev.picket.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Shortens C++/Rust/Swift/C# function signatures to the bare (qualified) function name
 * (§6.2 step 1): drops trailers ({@code const}, {@code &}), argument lists, return types and
 * template arguments ({@code <T>}), normalizes compiler-specific lambda names, and removes Rust
 * hashes and Windows calling-convention suffixes. Objective-C names are left alone.
 */
final class FunctionNames {
  private static final Pattern CPP_TRAILER = Pattern.compile("(?:\\bconst\\b|&)$");
  private static final Pattern LAMBDA = Pattern.compile(
      "\\{lambda\\(.*?\\)#\\d+\\}|\\blambda_[a-f0-9]{32}\\b|\\$_\\d+\\b");
  private static final Pattern RUST_HASH = Pattern.compile("::h[a-z0-9]{16}$");
  private static final Pattern WIN_DECL = Pattern.compile("^@?(.*?)@[0-9]+$");

  private FunctionNames() {}

  static boolean isNativeFamily(String platform) {
    return switch (platform == null ? "" : platform) {
      case "objc", "cocoa", "swift", "native", "c" -> true;
      default -> false;
    };
  }

  static boolean isJavaScriptFamily(String platform) {
    return "javascript".equals(platform) || "node".equals(platform);
  }

  /** The trimmed name for the frame's platform; unchanged for other platforms. */
  static String trim(String function, String platform) {
    if ("csharp".equals(platform)) {
      int i = function.indexOf(" (");
      return i < 0 ? function : function.substring(0, i);
    }
    return isNativeFamily(platform) ? trimNative(function, true) : function;
  }

  static String trimNative(String function, boolean normalizeLambdas) {
    if (function.equals("<redacted>") || function.equals("<unknown>")) {
      return function;
    }
    String original = function;
    String f = function.strip();
    if (f.startsWith("[") || f.startsWith("+[") || f.startsWith("-[")) {
      return f;
    }
    while (true) {
      var m = CPP_TRAILER.matcher(f);
      if (!m.find()) {
        break;
      }
      f = f.substring(0, m.start()).stripTrailing();
    }
    f = f.replace("operator<<", "operator\u27e8\u27e8").replace("operator<", "operator\u27e8")
        .replace("operator()", "operator\u25ef").replace("operator->", "operator\u27ff")
        .replace(" -> ", " \u27ff ").replace("`anonymous namespace'", "\u3014anonymousnamespace\u3015");
    if (normalizeLambdas) {
      f = LAMBDA.matcher(f).replaceAll("lambda");
    }
    f = replaceEnclosed(f, '(', ')', (inner, start) -> {
      String v = inner.strip();
      return v.equals("anonymous namespace") || v.equals("operator") ? "(" + v + ")" : "";
    });
    f = replaceEnclosed(f, '<', '>', FunctionNames::generics);
    List<String> tokens = splitTokens(f);
    if (tokens.size() > 1 && tokens.get(tokens.size() - 1).equals("<T>")) {
      tokens.remove(tokens.size() - 1);
      tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + " <T>");
    }
    String token = null;
    int arrow = tokens.indexOf("\u27ff");
    if (arrow > 0) {
      token = tokens.get(arrow - 1);
    } else if (arrow < 0 && !tokens.isEmpty()) {
      token = tokens.get(tokens.size() - 1);
    } else if (arrow == 0) {
      token = tokens.get(tokens.size() - 1);
    }
    if (token != null && !token.isEmpty()) {
      f = token.replace("\u27e8", "<").replace("\u25ef", "()").replace("\u27ff", "->")
          .replace("\u3014anonymousnamespace\u3015", "`anonymous namespace'");
    } else {
      f = original;
    }
    f = RUST_HASH.matcher(f).replaceAll("");
    return WIN_DECL.matcher(f).replaceAll("$1");
  }

  private static String generics(String inner, int start) {
    return start == 0 ? "<" + replaceEnclosed(inner, '<', '>', FunctionNames::generics) + ">" : "<T>";
  }

  /** Replaces each outermost {@code open...close} span by the callback's result. */
  static String replaceEnclosed(String s, char open, char close,
      BiFunction<String, Integer, String> replacement) {
    if (s.indexOf(open) < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int pairStart = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == open) {
        if (depth == 0) {
          pairStart = i;
        }
        depth++;
      } else if (c == close) {
        depth--;
        if (depth == 0) {
          out.append(replacement.apply(s.substring(pairStart + 1, i), pairStart));
        }
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Splits on whitespace outside of parentheses and angle brackets. */
  static List<String> splitTokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    List<Character> stack = new ArrayList<>();
    int end = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '<') {
        stack.add(c == '(' ? ')' : '>');
      } else if (!stack.isEmpty() && c == stack.get(stack.size() - 1)) {
        stack.remove(stack.size() - 1);
        if (stack.isEmpty()) {
          buf.append(s, end, i + 1);
          end = i + 1;
        }
      } else if (stack.isEmpty() && Character.isWhitespace(c)) {
        if (end != i) {
          buf.append(s, end, i);
        }
        end = i + 1;
        if (buf.length() > 0) {
          out.add(buf.toString());
          buf.setLength(0);
        }
      }
    }
    if (end < s.length()) {
      buf.append(s, end, s.length());
    }
    if (buf.length() > 0) {
      out.add(buf.toString());
    }
    return out;
  }
}

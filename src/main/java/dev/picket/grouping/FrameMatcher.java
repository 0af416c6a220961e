package dev.picket.grouping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One matcher of a stack-trace rule ({@code key:pattern}, optionally negated with {@code !}), as
 * in Sentry's documented rule syntax: {@code family}, {@code path}, {@code module},
 * {@code function}, {@code package}, {@code app}, {@code category}, and the exception matchers
 * {@code type}, {@code value}, {@code mechanism}. {@code offset} is -1 for a caller matcher
 * ({@code [ ... ] |}), +1 for a callee ({@code | [ ... ]}), 0 for the frame itself.
 */
record FrameMatcher(String key, String pattern, boolean negated, int offset, Pattern glob) {

  static FrameMatcher parse(String token, int offset) {
    boolean negated = token.startsWith("!");
    String t = negated ? token.substring(1) : token;
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("invalid matcher: " + token);
    }
    String key = t.substring(0, colon);
    String pattern = t.substring(colon + 1);
    if (pattern.length() >= 2 && pattern.startsWith("\"") && pattern.endsWith("\"")) {
      pattern = pattern.substring(1, pattern.length() - 1);
    }
    key = switch (key) {
      case "stack.abs_path", "abs_path", "stack.filename" -> "path";
      case "stack.module" -> "module";
      case "stack.function" -> "function";
      case "stack.package" -> "package";
      case "error.type" -> "type";
      case "error.value" -> "value";
      case "error.mechanism" -> "mechanism";
      default -> key;
    };
    boolean pathLike = key.equals("path") || key.equals("package");
    Pattern glob = Globs.compile(pathLike ? pattern.toLowerCase(Locale.ROOT) : pattern, pathLike);
    return new FrameMatcher(key, pattern, negated, offset, glob);
  }

  boolean isExceptionMatcher() {
    return key.equals("type") || key.equals("value") || key.equals("mechanism");
  }

  boolean matches(MatchFrame[] frames, int idx, MatchFrame.ExceptionData exception) {
    return positive(frames, idx, exception) != negated;
  }

  private boolean positive(MatchFrame[] frames, int idx, MatchFrame.ExceptionData exception) {
    if (isExceptionMatcher()) {
      String v = exception == null ? null : switch (key) {
        case "type" -> exception.type();
        case "value" -> exception.value();
        default -> exception.mechanism();
      };
      return v != null && glob.matcher(v).matches();
    }
    int i = idx + offset;
    if (i < 0 || i >= frames.length) {
      return false;
    }
    MatchFrame f = frames[i];
    return switch (key) {
      case "family" -> family(f.family());
      case "app" -> app(f.inApp());
      case "path" -> path(f.path());
      case "package" -> f.pkg() != null && glob.matcher(f.pkg()).matches();
      case "module" -> f.module() != null && glob.matcher(f.module()).matches();
      case "function" -> f.function() != null && glob.matcher(f.function()).matches();
      case "category" -> f.category() != null && glob.matcher(f.category()).matches();
      default -> false;
    };
  }

  private boolean family(String family) {
    for (String p : pattern.split(",")) {
      if (p.equals("all") || p.equals(family)) {
        return true;
      }
    }
    return false;
  }

  private boolean app(boolean inApp) {
    boolean want = switch (pattern) {
      case "1", "yes", "true" -> true;
      default -> false;
    };
    return inApp == want;
  }

  private boolean path(String path) {
    if (path == null) {
      return false;
    }
    return glob.matcher(path).matches() || (!path.startsWith("/") && glob.matcher("/" + path).matches());
  }
}

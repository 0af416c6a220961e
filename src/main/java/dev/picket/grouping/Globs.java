package dev.picket.grouping;

import java.util.regex.Pattern;

/**
 * Glob patterns of stack-trace rules. Path-like globs: {@code **} crosses {@code /}, {@code *}
 * and {@code ?} do not, {@code **}{@code /} may match nothing, backslashes count as slashes.
 * Other globs: {@code *} matches anything.
 */
final class Globs {
  private Globs() {}

  static Pattern compile(String glob, boolean pathLike) {
    String g = pathLike ? glob.replace('\\', '/') : glob;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        boolean dbl = i + 1 < g.length() && g.charAt(i + 1) == '*';
        if (pathLike && dbl) {
          if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
            re.append("(?:.*/)?");
            i += 2;
          } else {
            re.append(".*");
            i++;
          }
        } else if (pathLike) {
          re.append("[^/]*");
        } else {
          re.append(".*");
          if (dbl) {
            i++;
          }
        }
      } else if (c == '?') {
        re.append(pathLike ? "[^/]" : ".");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}

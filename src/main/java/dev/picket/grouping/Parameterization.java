package dev.picket.grouping;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message normalization for grouping (§6.9): keep the first two non-blank lines (adding
 * {@code ...} when something was cut), then replace variable parts (emails, urls, ips, uuids,
 * hashes, dates, durations, hex, numbers ...) by {@code <name>}. One combined, leftmost-first
 * pattern; the alternatives are written by us from the documented categories, pinned for
 * {@code newstyle:2023-01-11} as Sentry ran it in mid 2024.
 */
final class Parameterization {
  private static final String TLDS = "com|net|org|io|co|de|uk|fr|ru|jp|cn|br|in|it|nl|es|au|ca|eu"
      + "|info|biz|us|ch|se|no|dk|fi|pl|be|at|cz|ai|app|dev|edu|gov|mil|int|me|tv|cc|xyz|site"
      + "|online|tech|store|cloud|local|internal|invalid|test|example|localhost";

  private static final List<String[]> ALTERNATIVES = List.of(
      new String[] {"email", "[a-zA-Z0-9._%+-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*\\.[a-zA-Z]{2,}"},
      new String[] {"url", "\\b(?:https?|wss?|ftp)://[^\\s/$.?#][^\\s]*"},
      new String[] {"hostname", "\\b(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+"
          + "(?i:" + TLDS + ")\\b(?![.\\w])"},
      new String[] {"ip", ipPattern()},
      new String[] {"uuid", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
          + "-[0-9a-fA-F]{12}\\b"},
      new String[] {"sha1", "\\b[0-9a-fA-F]{40}\\b"},
      new String[] {"md5", "\\b[0-9a-fA-F]{32}\\b"},
      new String[] {"date", DatePatterns.PATTERN},
      new String[] {"duration", "\\b\\d+ms\\b|\\b\\d+(?:\\.\\d+)?s\\b"},
      new String[] {"hex", "\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[a-zA-Z]*\\d)(?:[0-9a-f]{8,128}|[0-9A-F]{8,128})\\b"},
      new String[] {"float", "(?<![\\w.])-?\\d+\\.\\d+\\b"},
      new String[] {"int", "(?<![\\w-])-\\d+\\b|(?<![\\w.])\\d+\\b"},
      new String[] {"quotedstr", "(?<==)(?:'[^']*'|\"[^\"]*\")"},
      new String[] {"bool", "(?<==)(?:[Tt]rue|[Ff]alse)\\b"});

  private static final Pattern PATTERN = compile();
  private static final Pattern LINE_BREAK =
      Pattern.compile("\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]");

  private Parameterization() {}

  /** Trims to two non-blank lines and parameterizes. */
  static String normalize(String message) {
    return parameterize(trimLines(message));
  }

  static String trimLines(String message) {
    StringBuilder out = new StringBuilder();
    int kept = 0;
    for (String line : LINE_BREAK.split(message, -1)) {
      if (kept == 2) {
        break;
      }
      if (!line.isBlank()) {
        if (kept > 0) {
          out.append('\n');
        }
        out.append(line);
        kept++;
      }
    }
    String trimmed = out.toString();
    return trimmed.equals(message) ? trimmed : trimmed + "...";
  }

  static String parameterize(String text) {
    Matcher m = PATTERN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("<" + name(m) + ">"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String name(Matcher m) {
    for (String[] alt : ALTERNATIVES) {
      if (m.group(alt[0]) != null) {
        return alt[0].equals("quotedstr") ? "quoted_str" : alt[0];
      }
    }
    throw new IllegalStateException("no group matched");
  }

  private static Pattern compile() {
    StringBuilder sb = new StringBuilder();
    for (String[] alt : ALTERNATIVES) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append("(?<").append(alt[0]).append('>').append(alt[1]).append(')');
    }
    return Pattern.compile(sb.toString(), Pattern.UNICODE_CHARACTER_CLASS);
  }

  private static String ipPattern() {
    String h = "[0-9a-fA-F]{1,4}";
    String v4 = "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}";
    String v6 = "(?:" + h + ":){7}" + h
        + "|(?:" + h + ":){1,7}:"
        + "|(?:" + h + ":){1,6}:" + h
        + "|(?:" + h + ":){1,5}(?::" + h + "){1,2}"
        + "|(?:" + h + ":){1,4}(?::" + h + "){1,3}"
        + "|(?:" + h + ":){1,3}(?::" + h + "){1,4}"
        + "|(?:" + h + ":){1,2}(?::" + h + "){1,5}"
        + "|" + h + ":(?::" + h + "){1,6}"
        + "|::(?:" + h + ":){0,5}" + h
        + "|::";
    return "(?<![\\w:])(?:" + v6 + ")(?![\\w:])|\\b" + v4 + "\\b";
  }
}

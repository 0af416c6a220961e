package dev.picket.grouping;

/** The {@code date} alternative of {@link Parameterization}: common date and time spellings. */
final class DatePatterns {
  private static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
  private static final String DAY_LONG =
      "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final String TIME = "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?";
  private static final String ZONE = "(?:Z|[+-]\\d{2}:?\\d{2}|\\s?(?:UTC|GMT)(?:[+-]\\d{4})?"
      + "|\\s[A-Z]{3,4})";

  static final String PATTERN = String.join("|",
      // RFC 822 / 1123 / JS Date.toString: Wed, 17 Apr 2019 22:31:45 GMT; Wed Apr 17 22:31:45 2019
      "\\b" + DAY + ",\\s\\d{1,2}\\s" + MON + "\\s\\d{2,4}\\s" + TIME + "(?:" + ZONE + ")?",
      "\\b" + DAY + "\\s" + MON + "\\s\\d{1,2}\\s" + TIME + "(?:\\s\\d{4})?(?:" + ZONE
          + ")?(?:\\s\\([^)]*\\))?",
      "\\b" + DAY + "\\s" + MON + "\\s\\d{1,2}\\s\\d{4}(?:\\s" + TIME + ")?(?:" + ZONE
          + ")?(?:\\s\\([^)]*\\))?",
      // RFC 850: Wednesday, 17-Apr-19 22:31:45 GMT
      "\\b" + DAY_LONG + ",\\s\\d{2}-" + MON + "-\\d{2}\\s" + TIME + "(?:" + ZONE + ")?",
      // ISO 8601 / RFC 3339
      "\\b\\d{4}-\\d{2}-\\d{2}[T ]" + TIME + "(?:" + ZONE + ")?",
      "\\b\\d{4}-\\d{2}-\\d{2}\\b",
      // datetime.datetime(2019, 4, 17, ...)
      "\\bdatetime\\.datetime\\([^)]*\\)",
      // 12- and 24-hour clock times
      "\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\s?(?:[AaPp]\\.?[Mm]\\.?)(?!\\w)",
      "\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b");

  private DatePatterns() {}
}

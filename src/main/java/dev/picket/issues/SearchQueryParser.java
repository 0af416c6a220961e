package dev.picket.issues;

import dev.picket.model.IssueSearch.Condition;
import dev.picket.model.IssueSearch.Field;
import dev.picket.model.IssueSearch.HasTag;
import dev.picket.model.IssueSearch.LevelIs;
import dev.picket.model.IssueSearch.Op;
import dev.picket.model.IssueSearch.SeenBound;
import dev.picket.model.IssueSearch.StatusIs;
import dev.picket.model.IssueSearch.TagIs;
import dev.picket.model.IssueSearch.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry's issue search syntax: {@code is:}, {@code has:}, {@code key:value},
 * {@code key:"quoted value"}, {@code !key:value}, {@code release:}, {@code environment:},
 * {@code level:}, {@code user.email:} (and {@code user.id/username/ip}), {@code firstSeen:},
 * {@code lastSeen:} and {@code age:} with {@code > >= < <=}, absolute dates or relative times
 * ({@code -24h} = within the last 24 hours, {@code +7d} = longer ago), and free text (words joined
 * by a space, matched on title and culprit). Any other key is a tag.
 */
public final class SearchQueryParser {
  private static final Pattern TOKEN = Pattern.compile("(!?)([^\\s:\"]+):(\"((?:[^\"\\\\]|\\\\.)*)\"|\\S*)|\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");
  private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)([smhdw])");
  private static final Set<String> STATUSES = Set.of("unresolved", "resolved", "ignored");
  private static final Map<String, String> TAG_KEYS = Map.of(
      "release", "sentry:release", "user", "sentry:user", "dist", "sentry:dist");
  private static final Map<String, String> USER_FIELDS = Map.of(
      "user.id", "id:", "user.email", "email:", "user.username", "username:", "user.ip", "ip:");

  private SearchQueryParser() {}

  public static List<Condition> parse(String query, Instant now) {
    List<Condition> conditions = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(query == null ? "" : query);
    while (m.find()) {
      if (m.group(2) != null) {
        String value = m.group(4) != null ? unescape(m.group(4)) : m.group(3);
        conditions.add(term(!m.group(1).isEmpty(), m.group(2), value, now));
      } else {
        words.add(m.group(5) != null ? unescape(m.group(5)) : m.group(6));
      }
    }
    String text = String.join(" ", words).trim();
    if (!text.isEmpty()) {
      conditions.add(new Text(text));
    }
    return conditions;
  }

  private static Condition term(boolean negated, String key, String value, Instant now) {
    if (value.isEmpty()) {
      throw invalid("Empty string after '" + key + ":'");
    }
    switch (key) {
      case "is":
        if (negated || !STATUSES.contains(value)) {
          throw invalid("Invalid value for \"is\" search, valid values are [\"ignored\", \"resolved\", \"unresolved\"]");
        }
        return new StatusIs(value);
      case "has":
        return new HasTag(tagKey(value), negated);
      case "level":
        return new LevelIs(value, negated);
      case "firstSeen":
      case "age":
        return seen(Field.FIRST_SEEN, key, value, now);
      case "lastSeen":
        return seen(Field.LAST_SEEN, key, value, now);
      default:
        if (USER_FIELDS.containsKey(key)) {
          return new TagIs("sentry:user", USER_FIELDS.get(key) + value, negated);
        }
        return new TagIs(tagKey(key), value, negated);
    }
  }

  private static String tagKey(String key) {
    return TAG_KEYS.getOrDefault(key, key);
  }

  private static SeenBound seen(Field field, String key, String value, Instant now) {
    Matcher relative = RELATIVE.matcher(value);
    if (relative.matches()) {
      Instant at = now.minus(duration(Long.parseLong(relative.group(2)), relative.group(3)));
      return new SeenBound(field, relative.group(1).equals("-") ? Op.GTE : Op.LTE, at);
    }
    Op op = Op.GTE;
    String date = value;
    for (Op candidate : new Op[] {Op.GTE, Op.LTE, Op.GT, Op.LT}) {
      if (value.startsWith(candidate.symbol())) {
        op = candidate;
        date = value.substring(candidate.symbol().length());
        break;
      }
    }
    if (!value.startsWith(">") && !value.startsWith("<")) {
      throw invalid("Invalid format for \"" + key + "\" search: use >, >=, <, <= with a date or -24h / +7d");
    }
    return new SeenBound(field, op, instant(key, date));
  }

  private static Duration duration(long amount, String unit) {
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }

  private static Instant instant(String key, String date) {
    try {
      if (date.length() == 10) {
        return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (date.endsWith("Z") || date.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(date).toInstant();
      }
      return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw invalid("Invalid date for \"" + key + "\" search: " + date);
    }
  }

  private static String unescape(String quoted) {
    return quoted.replaceAll("\\\\(.)", "$1");
  }

  private static InvalidIssueRequest invalid(String reason) {
    return new InvalidIssueRequest("Error parsing search query: " + reason);
  }
}

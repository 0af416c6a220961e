package dev.picket.admin;

import java.util.regex.Pattern;

/** Sentry's slug rule: lowercase letters, digits, hyphens and underscores, not all digits. */
final class Slugs {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{1,50}");

  private Slugs() {}

  /** A slug made from a name as Sentry's slugify does: lowercase, runs of other characters as '-'. */
  static String from(String name) {
    String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
        .replaceAll("^-+|-+$", "");
    return slug.length() > 50 ? slug.substring(0, 50) : slug;
  }

  static void check(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches() || slug.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "invalid slug '" + slug + "': use 1-50 lowercase letters, digits, '-' or '_', not only digits");
    }
  }
}

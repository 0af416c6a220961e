package dev.picket.admin;

import java.util.regex.Pattern;

/** Sentry's slug rule: lowercase letters, digits, hyphens and underscores, not all digits. */
final class Slugs {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{1,50}");

  private Slugs() {}

  static void check(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches() || slug.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "invalid slug '" + slug + "': use 1-50 lowercase letters, digits, '-' or '_', not only digits");
    }
  }
}

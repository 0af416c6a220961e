package dev.picket.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Sentry's issue short ids: the project slug uppercased, a dash, and the project-local number in
 * Crockford's base32 (digits, then letters without I, L, O, U), so issue 1 is {@code WEB-1} and
 * issue 32 is {@code WEB-10}.
 */
public final class ShortIds {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private ShortIds() {}

  public static String format(String projectSlug, long number) {
    StringBuilder digits = new StringBuilder();
    long n = number;
    do {
      digits.append(ALPHABET.charAt((int) (n % 32)));
      n /= 32;
    } while (n > 0);
    return projectSlug.toUpperCase(Locale.ROOT) + "-" + digits.reverse();
  }

  public static Optional<Long> decode(String encoded) {
    if (encoded.isEmpty() || encoded.length() > 12) {
      return Optional.empty();
    }
    long n = 0;
    for (char c : encoded.toUpperCase(Locale.ROOT).toCharArray()) {
      int digit = ALPHABET.indexOf(c);
      if (digit < 0) {
        return Optional.empty();
      }
      n = n * 32 + digit;
    }
    return Optional.of(n);
  }
}

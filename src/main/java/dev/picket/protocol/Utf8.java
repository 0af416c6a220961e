package dev.picket.protocol;

/**
 * Strict UTF-8 validation (RFC 3629, Unicode table 3-7). Jackson's decoder accepts overlong forms
 * (e.g. {@code C0 AF} for {@code /}) and UTF-8-encoded surrogates ({@code ED A0 80}); Relay's
 * parser refuses them, and so must we before they become characters that other checks never saw.
 */
final class Utf8 {
  private Utf8() {}

  /** The offset of the first byte that starts an invalid sequence in {@code [from, to)}, or -1. */
  static int firstInvalid(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      int c = bytes[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int trailing;
      int min = 0x80;
      int max = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        trailing = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        trailing = 2;
        min = c == 0xE0 ? 0xA0 : min;
        max = c == 0xED ? 0x9F : max;
      } else if (c >= 0xF0 && c <= 0xF4) {
        trailing = 3;
        min = c == 0xF0 ? 0x90 : min;
        max = c == 0xF4 ? 0x8F : max;
      } else {
        return i;
      }
      if (!validTrailing(bytes, i, to, trailing, min, max)) {
        return i;
      }
      i += trailing + 1;
    }
    return -1;
  }

  private static boolean validTrailing(byte[] bytes, int lead, int to, int trailing, int min, int max) {
    if (lead + trailing >= to) {
      return false;
    }
    int second = bytes[lead + 1] & 0xFF;
    if (second < min || second > max) {
      return false;
    }
    for (int k = 2; k <= trailing; k++) {
      int next = bytes[lead + k] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return false;
      }
    }
    return true;
  }
}

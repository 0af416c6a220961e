package dev.picket.grouping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Hash = lowercase hex MD5 over the UTF-8 bytes of each value, concatenated, no separators. */
final class Hashes {
  static final String EMPTY = md5(List.of());

  private Hashes() {}

  static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every JRE", e);
    }
  }
}

package dev.picket.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates tokens and keys and hashes them for storage. Tokens have 256 bits of entropy, so a
 * plain SHA-256 is the right storage hash (as Sentry does); passwords use {@link Passwords}.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Secrets() {}

  /** A new user auth token in Sentry's current form: {@code sntryu_} + 64 hex. */
  public static String newUserToken() {
    return "sntryu_" + randomHex(32);
  }

  /** A new legacy organization API key: 32 hex. */
  public static String newApiKey() {
    return randomHex(16);
  }

  public static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HEX.formatHex(buffer);
  }

  /** The lowercase hex SHA-256 of the UTF-8 text: the only form in which secrets are stored. */
  public static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}

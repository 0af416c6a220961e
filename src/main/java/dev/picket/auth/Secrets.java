package dev.picket.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generates tokens and keys and hashes them for storage. Tokens have 256 bits of entropy, so a
 * plain SHA-256 is the right storage hash (as Sentry does); passwords use {@link Passwords}.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  /** The prefix of organization auth tokens. */
  public static final String ORG_TOKEN_PREFIX = "sntrys_";

  private Secrets() {}

  /** A new user auth token in Sentry's current form: {@code sntryu_} + 64 hex. */
  public static String newUserToken() {
    return "sntryu_" + randomHex(32);
  }

  /** A new legacy organization API key: 32 hex. */
  public static String newApiKey() {
    return randomHex(16);
  }

  /**
   * A new organization auth token in Sentry's form: {@code sntrys_<payload>_<secret>}, where the
   * payload is the base64 of {@code {"iat", "url", "region_url", "org"}} (sentry-cli reads
   * {@code url} and prefers it over {@code --url}) and the secret the base64 of 32 random bytes
   * without padding. The JSON is padded with trailing spaces to a multiple of 3 bytes, so that its
   * base64 has no {@code =} whichever decoder reads it.
   */
  public static String newOrgToken(String url, String orgSlug, Instant issuedAt) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode()
        .put("iat", issuedAt.toEpochMilli() / 1000.0)
        .put("url", url)
        .put("region_url", url)
        .put("org", orgSlug);
    StringBuilder json = new StringBuilder(payload.toString());
    while (json.toString().getBytes(StandardCharsets.UTF_8).length % 3 != 0) {
      json.append(' ');
    }
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return ORG_TOKEN_PREFIX + base64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8))
        + "_" + base64.withoutPadding().encodeToString(secret);
  }

  /** The last 4 characters of a token, shown in token lists. */
  public static String lastCharacters(String token) {
    return token.substring(Math.max(0, token.length() - 4));
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

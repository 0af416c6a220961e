package dev.picket.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An envelope {@code attachment} item to be stored: its file name, the content type the SDK sent
 * (null when none), Sentry's attachment type ({@code event.attachment}, {@code event.minidump} …),
 * the raw bytes and their SHA-1 (lowercase hex). The byte array is owned, not copied. NUL
 * characters in the texts become U+FFFD, as in {@link IssueSummary}.
 */
public record NewAttachment(String name, String contentType, String type, byte[] data, String sha1) {
  public static final String DEFAULT_TYPE = "event.attachment";
  public static final String MINIDUMP = "event.minidump";

  public NewAttachment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(sha1, "sha1");
    name = IssueSummary.withoutNul(name);
    contentType = IssueSummary.withoutNul(contentType);
    type = IssueSummary.withoutNul(type);
  }

  /** An attachment with its SHA-1 computed from {@code data}. */
  public static NewAttachment of(String name, String contentType, String type, byte[] data) {
    return new NewAttachment(name, contentType, type, data, sha1(data));
  }

  public int size() {
    return data.length;
  }

  private static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** Names and sizes only: attachments may hold personal data. */
  @Override
  public String toString() {
    return "NewAttachment[" + name + ", " + type + ", " + data.length + " bytes]";
  }
}

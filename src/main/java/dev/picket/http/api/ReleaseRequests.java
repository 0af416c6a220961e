package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.http.BadRequest;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading what release requests carry: the version in the path, dates and strings in the body. */
final class ReleaseRequests {
  private static final int MAX_VERSION = 200;

  private ReleaseRequests() {}

  /**
   * The {@code {version}} path segment, percent-decoded only: a {@code +} stays a plus (versions
   * such as {@code 1.0+build} are common and sentry-cli sends them as they are).
   */
  static String pathVersion(Context ctx) {
    String uri = ctx.req().getRequestURI();
    String marker = "/releases/";
    int start = uri.indexOf(marker) + marker.length();
    int end = uri.indexOf('/', start);
    String raw = uri.substring(start, end < 0 ? uri.length() : end);
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("Invalid release version.");
    }
  }

  /** Sentry's rule for a new version: 1 to 200 characters, no slashes or control whitespace. */
  static String newVersion(JsonNode body) {
    String version = body.path("version").isTextual() ? body.path("version").textValue().strip() : "";
    if (version.isEmpty()) {
      throw new BadRequest("version: This field is required.");
    }
    if (version.length() > MAX_VERSION || version.equals(".") || version.equals("..")
        || version.equals("latest") || version.chars().anyMatch(c -> "\r\n\f\u000b\t/\\".indexOf(c) >= 0)) {
      throw new BadRequest("version: Release with name " + version + " is not allowed.");
    }
    return version;
  }

  static String text(JsonNode body, String field) {
    JsonNode node = body.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadRequest(field + ": Not a valid string.");
    }
    return node.textValue();
  }

  /** An ISO 8601 date with or without zone (UTC then), or null when absent. */
  static Instant date(JsonNode body, String field) {
    String text = text(body, field);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException again) {
        throw new BadRequest(field + ": Datetime has wrong format.");
      }
    }
  }
}

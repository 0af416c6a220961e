package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.RateLimit;
import java.util.regex.Pattern;

/**
 * Reads and checks the body of a key create or update as Sentry's key serializers do; problems
 * are answered as DRF does, a field → messages map.
 */
final class ProjectKeyRequest {
  private static final Pattern KEY = Pattern.compile("[a-f0-9]{32}");
  private static final int MAX_NAME = 200;
  private static final int MAX_WINDOW = 60 * 60 * 24;

  private ProjectKeyRequest() {}

  /** The field errors of the body; empty when it is valid. */
  static ObjectNode validate(JsonNode body, boolean create) {
    ObjectNode errors = Json.object();
    JsonNode name = body.get("name");
    if (name != null && !name.isNull()) {
      if (!name.isTextual()) {
        errors.putArray("name").add("Not a valid string.");
      } else if (name.textValue().length() > MAX_NAME) {
        errors.putArray("name").add("Ensure this field has no more than 200 characters.");
      }
    }
    if (create) {
      for (String field : new String[] {"public", "secret"}) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !(value.isTextual() && KEY.matcher(value.textValue()).matches())) {
          errors.putArray(field).add("This value does not match the required pattern.");
        }
      }
    } else {
      JsonNode active = body.get("isActive");
      if (active != null && !active.isNull() && !active.isBoolean()) {
        errors.putArray("isActive").add("Must be a valid boolean.");
      }
    }
    JsonNode limit = body.get("rateLimit");
    if (limit != null && !limit.isNull()) {
      if (!limit.isObject()) {
        errors.putArray("rateLimit").add("Invalid data. Expected a dictionary, but got "
            + limit.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
      } else {
        ObjectNode nested = Json.object();
        checkInt(limit.get("window"), "window", MAX_WINDOW, nested);
        checkInt(limit.get("count"), "count", Integer.MAX_VALUE, nested);
        if (!nested.isEmpty()) {
          errors.set("rateLimit", nested);
        }
      }
    }
    return errors;
  }

  private static void checkInt(JsonNode value, String field, int max, ObjectNode errors) {
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      errors.putArray(field).add("A valid integer is required.");
    } else if (value.intValue() < 0) {
      errors.putArray(field).add("Ensure this value is greater than or equal to 0.");
    } else if (value.intValue() > max) {
      errors.putArray(field).add("Ensure this value is less than or equal to " + max + ".");
    }
  }

  /** The text of a field, null when absent or null. */
  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  /**
   * The body's {@code rateLimit}: a limit only when both window (at least 1 s) and count are
   * given, as Sentry shows {@code rateLimit} only when both are set; null otherwise.
   */
  static RateLimit rateLimit(JsonNode body) {
    JsonNode limit = body.get("rateLimit");
    if (limit == null || !limit.isObject()) {
      return null;
    }
    JsonNode window = limit.get("window");
    JsonNode count = limit.get("count");
    if (window == null || window.isNull() || count == null || count.isNull() || window.intValue() < 1) {
      return null;
    }
    return new RateLimit(window.intValue(), count.intValue());
  }

  static ObjectNode error(String field, String message) {
    ObjectNode errors = Json.object();
    errors.putArray(field).add(message);
    return errors;
  }
}

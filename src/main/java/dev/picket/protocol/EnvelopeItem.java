package dev.picket.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Objects;

/**
 * One envelope item: its header object (unknown keys kept) and its raw payload bytes. The payload
 * array is owned by the item and not copied on access; callers must not modify it.
 */
public record EnvelopeItem(ObjectNode headers, byte[] payload) {

  /** Requires both parts. */
  public EnvelopeItem {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(payload, "payload");
  }

  /** The item {@code type} header, e.g. {@code event}, {@code attachment}; "" if absent. */
  public String type() {
    return headers.path("type").asText("");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnvelopeItem other && headers.equals(other.headers)
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return 31 * headers.hashCode() + Arrays.hashCode(payload);
  }

  /** Names the type and size only: payloads may hold personal data. */
  @Override
  public String toString() {
    return "EnvelopeItem[type=" + type() + ", " + payload.length + " bytes]";
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tags as Sentry 9 renders them: stored {@code [key, value]} pairs sorted by (key, value), the
 * {@code sentry:} prefix removed, then stable-sorted by the shown key.
 */
final class TagsRenderer {
  private record Tag(String key, String value) {}

  private TagsRenderer() {}

  static ArrayNode render(JsonNode storedTags) {
    List<Tag> tags = new ArrayList<>();
    for (JsonNode pair : storedTags) {
      if (pair.size() == 2 && !pair.get(0).isNull() && !pair.get(1).isNull()) {
        tags.add(new Tag(pair.get(0).asText(), pair.get(1).asText()));
      }
    }
    tags.sort(Comparator.comparing(Tag::key).thenComparing(Tag::value));
    List<Tag> shown = new ArrayList<>();
    for (Tag tag : tags) {
      int prefix = tag.key().indexOf("sentry:");
      shown.add(prefix < 0 ? tag : new Tag(tag.key().substring(prefix + 7), tag.value()));
    }
    shown.sort(Comparator.comparing(Tag::key));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Tag tag : shown) {
      out.addObject().put("value", tag.value()).put("key", tag.key());
    }
    return out;
  }
}

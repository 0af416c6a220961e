package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared fixtures: system property {@code picket.fixtures}, else {@code /work/shared/fixtures}. */
public final class TestFixtures {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final Normalizer NORMALIZER = new Normalizer();

  private TestFixtures() {}

  public static Path root() {
    String prop = System.getProperty("picket.fixtures");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    return Path.of("/work/shared/fixtures");
  }

  public static JsonNode read(String relative) {
    return read(root().resolve(relative));
  }

  public static JsonNode read(Path p) {
    try {
      return MAPPER.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON written with single quotes for readability. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> jsonFiles(String relativeDir) {
    try (Stream<Path> s = Files.walk(root().resolve(relativeDir))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Normalizes with a fixed receipt time; the payload's own timestamp is replaced by "now". */
  public static ObjectNode normalizeNow(JsonNode raw) {
    Instant now = Instant.parse("2026-11-28T19:00:00Z");
    ObjectNode copy = raw.deepCopy();
    copy.put("timestamp", now.minusSeconds(5).toString());
    return NORMALIZER.normalize(copy, IngestContext.at(now));
  }

  public static ObjectNode normalize(String json) {
    return NORMALIZER.normalize(json(json), IngestContext.at(Instant.parse("2026-11-28T19:00:00Z")));
  }
}

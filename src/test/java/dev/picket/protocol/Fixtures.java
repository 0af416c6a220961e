package dev.picket.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the captured SDK requests under {@code shared/fixtures/sdk-payloads}. The root is the
 * {@code picket.fixtures} system property (set by surefire) when that folder exists, else {@code
 * /work/shared/fixtures} (a git worktree has no sibling {@code shared/}).
 */
final class Fixtures {
  private static final Path FALLBACK = Path.of("/work/shared/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static Path root() {
    String property = System.getProperty("picket.fixtures");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    return FALLBACK;
  }

  /** {@code sdk-payloads/<client>/requests/<NNNN>.<suffix>} */
  static Path request(String client, int seq, String suffix) {
    return root().resolve("sdk-payloads").resolve(client).resolve("requests")
        .resolve(String.format("%04d.%s", seq, suffix));
  }

  static byte[] body(String client, int seq) {
    return read(request(client, seq, "body.bin"));
  }

  static JsonNode meta(String client, int seq) {
    return json(request(client, seq, "request.json"));
  }

  static JsonNode decoded(String client, int seq) {
    return json(request(client, seq, "decoded.json"));
  }

  /** A raw capture in {@code client-reports/}, e.g. {@code python-sdk-0004}. */
  static byte[] clientReportBody(String name) {
    return read(root().resolve("sdk-payloads/client-reports").resolve(name + ".body.bin"));
  }

  static JsonNode clientReportMeta(String name) {
    return json(root().resolve("sdk-payloads/client-reports").resolve(name + ".request.json"));
  }

  /** The first request header named {@code name} (case-insensitive), or null. */
  static String header(JsonNode meta, String name) {
    for (JsonNode pair : meta.path("headers")) {
      if (pair.get(0).asText().equalsIgnoreCase(name)) {
        return pair.get(1).asText();
      }
    }
    return null;
  }

  /** The parsed query string as captured. */
  static Map<String, List<String>> query(JsonNode meta) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    meta.path("query").properties().forEach(e -> query.put(e.getKey(),
        JSON.convertValue(e.getValue(), JSON.getTypeFactory()
            .constructCollectionType(List.class, String.class))));
    return query;
  }

  private static JsonNode json(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

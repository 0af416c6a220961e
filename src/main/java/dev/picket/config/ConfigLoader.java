package dev.picket.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Config} from the environment (flags override by passing their values in {@code
 * overrides}, keyed by the same variable names). A bad value fails fast, naming the variable.
 */
public final class ConfigLoader {
  private final Map<String, String> env;
  private final Map<String, String> overrides;

  public ConfigLoader(Map<String, String> env, Map<String, String> overrides) {
    this.env = env;
    this.overrides = overrides;
  }

  public static Config fromEnvironment(Map<String, String> overrides) {
    return new ConfigLoader(System.getenv(), overrides).load();
  }

  public Config load() {
    int port = intValue("PICKET_PORT", 8000, 0, 65535);
    String url = text("PICKET_URL", "http://localhost:" + port);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigException("PICKET_URL must start with http:// or https://, got: " + url);
    }
    Path dataDir = Path.of(text("PICKET_DATA_DIR", "./data"));
    String databaseUrl = text("DATABASE_URL", null);
    Limits defaults = Limits.defaults();
    Limits limits = new Limits(
        intValue("PICKET_MAX_EVENT_BYTES", defaults.maxEventBytes(), 1024, Integer.MAX_VALUE),
        intValue("PICKET_MAX_REQUEST_BYTES", defaults.maxRequestBytes(), 1024, Integer.MAX_VALUE),
        intValue("PICKET_MAX_DECODED_BYTES", (int) defaults.maxDecodedBytes(), 1024, Integer.MAX_VALUE),
        intValue("PICKET_WRITER_QUEUE", defaults.writerQueue(), 1, 10_000_000),
        intValue("PICKET_WRITER_BATCH", defaults.writerBatch(), 1, 100_000),
        intValue("PICKET_PROJECT_RATE_LIMIT", 0, 0, Integer.MAX_VALUE),
        intValue("PICKET_ORG_RATE_LIMIT", 0, 0, Integer.MAX_VALUE),
        intValue("PICKET_API_RATE_LIMIT", 0, 0, Integer.MAX_VALUE),
        intValue("PICKET_MAX_ATTACHMENT_BYTES", defaults.maxAttachmentBytes(), 1, Integer.MAX_VALUE));
    return new Config(port, url, dataDir, databaseUrl, limits, trustedProxies());
  }

  private List<String> trustedProxies() {
    String value = text("PICKET_TRUSTED_PROXIES", "");
    List<String> proxies = new ArrayList<>();
    for (String proxy : value.split(",")) {
      if (!proxy.isBlank()) {
        if (!proxy.trim().matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) {
          throw new ConfigException("PICKET_TRUSTED_PROXIES must list IP addresses or CIDR blocks, got: " + proxy);
        }
        proxies.add(proxy.trim());
      }
    }
    return proxies;
  }

  private String text(String name, String fallback) {
    String value = overrides.getOrDefault(name, env.get(name));
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private int intValue(String name, int fallback, int min, int max) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new ConfigException(name + " must be between " + min + " and " + max + ", got: " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a whole number, got: " + value);
    }
  }
}

package dev.picket.cli;

import dev.picket.config.Config;
import dev.picket.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every command shares; each overrides the environment variable of the same setting. */
public final class ConfigOptions {
  @Option(names = "--port", description = "HTTP port (PICKET_PORT, default 8000)")
  Integer port;

  @Option(names = "--url", description = "public base URL used in DSNs (PICKET_URL)")
  String url;

  @Option(names = "--data-dir", description = "folder of the SQLite database (PICKET_DATA_DIR, default ./data)")
  String dataDir;

  @Option(names = "--database-url", description = "postgresql://user:pass@host:port/db (DATABASE_URL)")
  String databaseUrl;

  public Config load() {
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("PICKET_PORT", String.valueOf(port));
    }
    putIfSet(overrides, "PICKET_URL", url);
    putIfSet(overrides, "PICKET_DATA_DIR", dataDir);
    putIfSet(overrides, "DATABASE_URL", databaseUrl);
    return ConfigLoader.fromEnvironment(overrides);
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}

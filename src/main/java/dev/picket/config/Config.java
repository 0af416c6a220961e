package dev.picket.config;

import java.nio.file.Path;

/**
 * Every setting of Picket, resolved once at start. {@code databaseUrl} null means SQLite in
 * {@code dataDir}. See the README's configuration table for defaults.
 */
public record Config(int port, String publicUrl, Path dataDir, String databaseUrl, Limits limits) {

  /** The base URL users and SDKs reach Picket at, without a trailing slash. */
  public String baseUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}

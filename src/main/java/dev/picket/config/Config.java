package dev.picket.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Every setting of Picket, resolved once at start. {@code databaseUrl} null means SQLite in
 * {@code dataDir}. {@code trustedProxies} are the IPs/CIDR blocks whose {@code X-Forwarded-For} is
 * believed. See the README's configuration table for defaults.
 */
public record Config(
    int port, String publicUrl, Path dataDir, String databaseUrl, Limits limits, List<String> trustedProxies) {
  public Config {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** A config that trusts no proxy. */
  public Config(int port, String publicUrl, Path dataDir, String databaseUrl, Limits limits) {
    this(port, publicUrl, dataDir, databaseUrl, limits, List.of());
  }

  /** The base URL users and SDKs reach Picket at, without a trailing slash. */
  public String baseUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }
}

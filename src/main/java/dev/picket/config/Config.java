package dev.picket.config;

import java.nio.file.Path;

/**
 * Every setting of Picket, resolved once at start. {@code databaseUrl} null means SQLite in
 * {@code dataDir}. See the README's configuration table for defaults.
 */
public record Config(
    int port,
    String publicUrl,
    Path dataDir,
    String databaseUrl,
    int maxEventBytes,
    int maxRequestBytes,
    long maxDecodedBytes,
    int writerQueue,
    int writerBatch) {

  /** The base URL users and SDKs reach Picket at, without a trailing slash. */
  public String baseUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The same settings listening on another port (tests use port 0). */
  public Config withPort(int newPort) {
    return new Config(newPort, publicUrl, dataDir, databaseUrl, maxEventBytes, maxRequestBytes,
        maxDecodedBytes, writerQueue, writerBatch);
  }

  /** The same settings with another public URL. */
  public Config withPublicUrl(String url) {
    return new Config(port, url, dataDir, databaseUrl, maxEventBytes, maxRequestBytes,
        maxDecodedBytes, writerQueue, writerBatch);
  }
}

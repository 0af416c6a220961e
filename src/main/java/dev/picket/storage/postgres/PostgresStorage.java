package dev.picket.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.picket.storage.StorageException;
import dev.picket.storage.jdbc.Dialect;
import dev.picket.storage.jdbc.JdbcStorage;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Opens a PostgreSQL database given as a URL, with a HikariCP pool, and migrates it. */
public final class PostgresStorage {
  static final int POOL_SIZE = 10;

  private PostgresStorage() {}

  /**
   * Accepts {@code postgresql://user:pass@host:port/db?params}, the same with {@code postgres://},
   * and plain {@code jdbc:postgresql://...} URLs.
   */
  public static JdbcStorage open(String databaseUrl) {
    Target target = parse(databaseUrl);
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("picket-postgres");
    pool.setJdbcUrl(target.jdbcUrl());
    if (target.user() != null) {
      pool.setUsername(target.user());
    }
    if (target.password() != null) {
      pool.setPassword(target.password());
    }
    pool.setMaximumPoolSize(POOL_SIZE);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(pool);
    } catch (RuntimeException e) {
      throw new StorageException("could not connect to PostgreSQL", e);
    }
    return JdbcStorage.migrateAndOpen(Dialect.POSTGRESQL, dataSource);
  }

  /** Where to connect: a JDBC URL plus the credentials taken out of a libpq-style URL. */
  record Target(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "Target[" + jdbcUrl + ", user=" + user + ", password=***]";
    }
  }

  static Target parse(String databaseUrl) {
    String url = databaseUrl.trim();
    if (url.startsWith("jdbc:postgresql:")) {
      return new Target(url, null, null);
    }
    int colon = url.indexOf("://");
    String scheme = colon < 0 ? "" : url.substring(0, colon);
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new IllegalArgumentException(
          "database URL must start with postgresql://, postgres:// or jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("database URL is malformed");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("database URL has no host");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int split = userInfo.indexOf(':');
      user = decode(split < 0 ? userInfo : userInfo.substring(0, split));
      password = split < 0 ? null : decode(userInfo.substring(split + 1));
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host);
    if (uri.getPort() >= 0) {
      jdbc.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    jdbc.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new Target(jdbc.toString(), user, password);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

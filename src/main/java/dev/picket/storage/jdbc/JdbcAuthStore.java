package dev.picket.storage.jdbc;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
import dev.picket.model.Role;
import dev.picket.model.User;
import dev.picket.storage.AuthStore;
import dev.picket.storage.Conflict;
import dev.picket.storage.StorageException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AuthStore} over JDBC. Stores exactly the hashes it is given; emails are stored lowercased
 * so that their unique index is case-insensitive.
 */
final class JdbcAuthStore implements AuthStore {
  private static final String USER = "id, email, password_hash, superuser, active";
  private static final String MEMBER = "SELECT m.id, m.organization_id, m.user_id, u.email, m.role,"
      + " m.date_created FROM member m JOIN app_user u ON u.id = m.user_id";

  private final Database db;

  JdbcAuthStore(Database db) {
    this.db = db;
  }

  @Override
  public User createUser(String email, String passwordHash, boolean superuser) {
    String normalized = normalize(email);
    long id = db.write("create a user", h -> h
        .createQuery("INSERT INTO app_user (email, password_hash, superuser, active, date_created)"
            + " VALUES (:email, :hash, :superuser, :active, :now)"
            + " ON CONFLICT DO NOTHING RETURNING id")
        .bind("email", normalized)
        .bind("hash", passwordHash)
        .bind("superuser", superuser)
        .bind("active", true)
        .bind("now", Micros.of(Micros.now()))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("email is taken")));
    return new User(id, normalized, passwordHash, superuser, true);
  }

  @Override
  public Optional<User> findUser(String email) {
    return db.read("find a user", h -> h
        .createQuery("SELECT " + USER + " FROM app_user WHERE email = :email")
        .bind("email", normalize(email))
        .map((rs, ctx) -> user(rs))
        .findOne());
  }

  @Override
  public Optional<User> findUser(long userId) {
    return db.read("find a user", h -> h
        .createQuery("SELECT " + USER + " FROM app_user WHERE id = :id")
        .bind("id", userId)
        .map((rs, ctx) -> user(rs))
        .findOne());
  }

  @Override
  public void setMember(long organizationId, long userId, Role role) {
    db.write("set a membership", h -> h
        .createUpdate("INSERT INTO member (organization_id, user_id, role, date_created)"
            + " VALUES (:org, :user, :role, :now)"
            + " ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role")
        .bind("org", organizationId)
        .bind("user", userId)
        .bind("role", role.wireName())
        .bind("now", Micros.of(Micros.now()))
        .execute());
  }

  @Override
  public Optional<Role> role(long organizationId, long userId) {
    Optional<String> stored = db.read("read a membership", h -> h
        .createQuery("SELECT role FROM member WHERE organization_id = :org AND user_id = :user")
        .bind("org", organizationId)
        .bind("user", userId)
        .mapTo(String.class)
        .findOne());
    return stored.map(text -> Role.parse(text)
        .orElseThrow(() -> new StorageException("unknown role stored", null)));
  }

  @Override
  public ApiToken createToken(long userId, String tokenHash, Set<String> scopes, Instant expiresAt) {
    Instant now = Micros.now();
    Instant expires = Micros.truncate(expiresAt);
    long id = db.write("create a token", h -> h
        .createQuery("INSERT INTO api_token (token_hash, user_id, scopes, expires_at, date_created)"
            + " VALUES (:hash, :user, :scopes, :expires, :now) ON CONFLICT DO NOTHING RETURNING id")
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("scopes", Rows.scopes(scopes))
        .bind("expires", expires == null ? null : Micros.of(expires))
        .bind("now", Micros.of(now))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("token hash is taken")));
    return new ApiToken(id, userId, tokenHash, scopes, expires, now);
  }

  @Override
  public Optional<ApiToken> findToken(String tokenHash) {
    return db.read("find a token", h -> h
        .createQuery("SELECT id, user_id, token_hash, scopes, expires_at, date_created"
            + " FROM api_token WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> new ApiToken(rs.getLong("id"), rs.getLong("user_id"),
            rs.getString("token_hash"), Rows.scopes(rs.getString("scopes")),
            Rows.nullableInstant(rs, "expires_at"), Rows.instant(rs, "date_created")))
        .findOne());
  }

  @Override
  public ApiKey createApiKey(long organizationId, String keyHash, Set<String> scopes) {
    long id = db.write("create an API key", h -> h
        .createQuery("INSERT INTO api_key (key_hash, organization_id, scopes, active, date_created)"
            + " VALUES (:hash, :org, :scopes, :active, :now) ON CONFLICT DO NOTHING RETURNING id")
        .bind("hash", keyHash)
        .bind("org", organizationId)
        .bind("scopes", Rows.scopes(scopes))
        .bind("active", true)
        .bind("now", Micros.of(Micros.now()))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("API key hash is taken")));
    return new ApiKey(id, organizationId, keyHash, scopes, true);
  }

  @Override
  public Optional<ApiKey> findApiKey(String keyHash) {
    return db.read("find an API key", h -> h
        .createQuery("SELECT id, organization_id, key_hash, scopes, active"
            + " FROM api_key WHERE key_hash = :hash")
        .bind("hash", keyHash)
        .map((rs, ctx) -> new ApiKey(rs.getLong("id"), rs.getLong("organization_id"),
            rs.getString("key_hash"), Rows.scopes(rs.getString("scopes")), rs.getBoolean("active")))
        .findOne());
  }

  private static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public List<Member> members(long organizationId) {
    return db.read("list members", h -> h
        .createQuery(MEMBER + " WHERE m.organization_id = :org ORDER BY m.id")
        .bind("org", organizationId)
        .map((rs, ctx) -> member(rs))
        .list());
  }

  @Override
  public Optional<Member> findMember(long organizationId, long memberId) {
    return db.read("find a member", h -> h
        .createQuery(MEMBER + " WHERE m.organization_id = :org AND m.id = :id")
        .bind("org", organizationId)
        .bind("id", memberId)
        .map((rs, ctx) -> member(rs))
        .findOne());
  }

  @Override
  public void removeMember(long memberId) {
    db.write("remove a member", h -> h
        .createUpdate("DELETE FROM member WHERE id = :id").bind("id", memberId).execute());
  }

  @Override
  public List<Long> organizationIdsOf(long userId) {
    return db.read("list a user's organizations", h -> h
        .createQuery("SELECT organization_id FROM member WHERE user_id = :user ORDER BY organization_id")
        .bind("user", userId)
        .mapTo(Long.class)
        .list());
  }

  private static Member member(ResultSet rs) throws SQLException {
    return new Member(rs.getLong("id"), rs.getLong("organization_id"), rs.getLong("user_id"),
        rs.getString("email"), Role.parse(rs.getString("role"))
            .orElseThrow(() -> new StorageException("unknown role stored", null)),
        Rows.instant(rs, "date_created"));
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
        rs.getBoolean("superuser"), rs.getBoolean("active"));
  }
}

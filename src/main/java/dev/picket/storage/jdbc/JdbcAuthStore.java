package dev.picket.storage.jdbc;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
import dev.picket.model.OrgAuthToken;
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
  private static final String TOKEN = "id, user_id, token_hash, scopes, expires_at, date_created, name,"
      + " token_last_characters, last_used";
  private static final String ORG_TOKEN = "id, organization_id, token_hash, token_last_characters, name,"
      + " scopes, date_created, last_used";

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
  public ApiToken createToken(
      long userId, String name, String tokenHash, String lastCharacters, Set<String> scopes, Instant expiresAt) {
    Instant now = Micros.now();
    Instant expires = Micros.truncate(expiresAt);
    long id = db.write("create a token", h -> h
        .createQuery("INSERT INTO api_token"
            + " (token_hash, user_id, scopes, expires_at, date_created, name, token_last_characters)"
            + " VALUES (:hash, :user, :scopes, :expires, :now, :name, :last)"
            + " ON CONFLICT DO NOTHING RETURNING id")
        .bind("hash", tokenHash)
        .bind("user", userId)
        .bind("scopes", Rows.scopes(scopes))
        .bind("expires", expires == null ? null : Micros.of(expires))
        .bind("now", Micros.of(now))
        .bind("name", name)
        .bind("last", lastCharacters)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("token hash is taken")));
    return new ApiToken(id, userId, tokenHash, scopes, expires, now, name, lastCharacters, null);
  }

  @Override
  public Optional<ApiToken> findToken(String tokenHash) {
    return db.read("find a token", h -> h
        .createQuery("SELECT " + TOKEN + " FROM api_token WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> token(rs))
        .findOne());
  }

  @Override
  public List<ApiToken> tokensOf(long userId) {
    return db.read("list a user's tokens", h -> h
        .createQuery("SELECT " + TOKEN + " FROM api_token WHERE user_id = :user ORDER BY id")
        .bind("user", userId)
        .map((rs, ctx) -> token(rs))
        .list());
  }

  @Override
  public boolean deleteToken(long userId, long tokenId) {
    return db.write("delete a token", h -> h
        .createUpdate("DELETE FROM api_token WHERE id = :id AND user_id = :user")
        .bind("id", tokenId)
        .bind("user", userId)
        .execute()) > 0;
  }

  @Override
  public void recordTokenUse(long tokenId, Instant at) {
    recordUse("api_token", tokenId, at);
  }

  @Override
  public OrgAuthToken createOrgToken(
      long organizationId, String name, String tokenHash, String lastCharacters, Set<String> scopes) {
    Instant now = Micros.now();
    long id = db.write("create an organization token", h -> h
        .createQuery("INSERT INTO org_auth_token"
            + " (organization_id, token_hash, token_last_characters, name, scopes, date_created)"
            + " VALUES (:org, :hash, :last, :name, :scopes, :now) ON CONFLICT DO NOTHING RETURNING id")
        .bind("org", organizationId)
        .bind("hash", tokenHash)
        .bind("last", lastCharacters)
        .bind("name", name)
        .bind("scopes", Rows.scopes(scopes))
        .bind("now", Micros.of(now))
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new Conflict("token hash is taken")));
    return new OrgAuthToken(id, organizationId, tokenHash, lastCharacters, name, scopes, now, null);
  }

  @Override
  public Optional<OrgAuthToken> findOrgToken(String tokenHash) {
    return db.read("find an organization token", h -> h
        .createQuery("SELECT " + ORG_TOKEN + " FROM org_auth_token WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map((rs, ctx) -> orgToken(rs))
        .findOne());
  }

  @Override
  public List<OrgAuthToken> orgTokensOf(long organizationId) {
    return db.read("list an organization's tokens", h -> h
        .createQuery("SELECT " + ORG_TOKEN + " FROM org_auth_token WHERE organization_id = :org ORDER BY id")
        .bind("org", organizationId)
        .map((rs, ctx) -> orgToken(rs))
        .list());
  }

  @Override
  public boolean renameOrgToken(long organizationId, long tokenId, String name) {
    return db.write("rename an organization token", h -> h
        .createUpdate("UPDATE org_auth_token SET name = :name WHERE id = :id AND organization_id = :org")
        .bind("name", name)
        .bind("id", tokenId)
        .bind("org", organizationId)
        .execute()) > 0;
  }

  @Override
  public boolean deleteOrgToken(long organizationId, long tokenId) {
    return db.write("delete an organization token", h -> h
        .createUpdate("DELETE FROM org_auth_token WHERE id = :id AND organization_id = :org")
        .bind("id", tokenId)
        .bind("org", organizationId)
        .execute()) > 0;
  }

  @Override
  public void recordOrgTokenUse(long tokenId, Instant at) {
    recordUse("org_auth_token", tokenId, at);
  }

  /** One conditional UPDATE: nothing is written when the stored last use is under a minute old. */
  private void recordUse(String table, long tokenId, Instant at) {
    long micros = Micros.of(Micros.truncate(at));
    db.write("record a token use", h -> h
        .createUpdate("UPDATE " + table + " SET last_used = :at"
            + " WHERE id = :id AND (last_used IS NULL OR last_used <= :stale)")
        .bind("at", micros)
        .bind("stale", micros - 60_000_000L)
        .bind("id", tokenId)
        .execute());
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

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("token_hash"),
        Rows.scopes(rs.getString("scopes")), Rows.nullableInstant(rs, "expires_at"),
        Rows.instant(rs, "date_created"), rs.getString("name"), rs.getString("token_last_characters"),
        Rows.nullableInstant(rs, "last_used"));
  }

  private static OrgAuthToken orgToken(ResultSet rs) throws SQLException {
    return new OrgAuthToken(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("token_hash"),
        rs.getString("token_last_characters"), rs.getString("name"), Rows.scopes(rs.getString("scopes")),
        Rows.instant(rs, "date_created"), Rows.nullableInstant(rs, "last_used"));
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

package dev.picket.storage;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
import dev.picket.model.OrgAuthToken;
import dev.picket.model.Role;
import dev.picket.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users, organization membership, user auth tokens and legacy API keys. Tokens and keys are stored
 * and looked up only by their SHA-256 hash; the plaintext never reaches storage.
 */
public interface AuthStore {
  /** Creates a user; throws {@link Conflict} when the email is taken (case-insensitive). */
  User createUser(String email, String passwordHash, boolean superuser);

  Optional<User> findUser(String email);

  Optional<User> findUser(long userId);

  /** Adds the user to the organization, or changes the role of an existing member. */
  void setMember(long organizationId, long userId, Role role);

  /** The user's role in the organization; empty when not a member. */
  Optional<Role> role(long organizationId, long userId);

  /** Creates a token without a name or last characters; throws {@link Conflict} for a taken hash. */
  default ApiToken createToken(long userId, String tokenHash, Set<String> scopes, Instant expiresAt) {
    return createToken(userId, null, tokenHash, null, scopes, expiresAt);
  }

  /**
   * Creates a user auth token; {@code name} and {@code lastCharacters} may be null. Throws
   * {@link Conflict} when the hash is taken.
   */
  ApiToken createToken(
      long userId, String name, String tokenHash, String lastCharacters, Set<String> scopes, Instant expiresAt);

  Optional<ApiToken> findToken(String tokenHash);

  /** The user's tokens, oldest first. */
  List<ApiToken> tokensOf(long userId);

  /** Deletes the user's token; false when the user has no token with that id. */
  boolean deleteToken(long userId, long tokenId);

  /**
   * Records that the token was used at {@code at}, unless its stored last use is less than a
   * minute older: at most one write per token per minute.
   */
  void recordTokenUse(long tokenId, Instant at);

  /**
   * Creates an organization auth token; throws {@link Conflict} when the hash is taken.
   */
  OrgAuthToken createOrgToken(
      long organizationId, String name, String tokenHash, String lastCharacters, Set<String> scopes);

  Optional<OrgAuthToken> findOrgToken(String tokenHash);

  /** The organization's auth tokens, oldest first. */
  List<OrgAuthToken> orgTokensOf(long organizationId);

  /** Renames the organization's token; false when it has no token with that id. */
  boolean renameOrgToken(long organizationId, long tokenId, String name);

  /** Deletes the organization's token; false when it has no token with that id. */
  boolean deleteOrgToken(long organizationId, long tokenId);

  /** As {@link #recordTokenUse} for an organization auth token. */
  void recordOrgTokenUse(long tokenId, Instant at);

  ApiKey createApiKey(long organizationId, String keyHash, Set<String> scopes);

  Optional<ApiKey> findApiKey(String keyHash);

  /** The organization's members, oldest membership first. */
  List<Member> members(long organizationId);

  /** The membership with this id in the organization; empty when none. */
  Optional<Member> findMember(long organizationId, long memberId);

  /** Ends the membership; does nothing when it does not exist. */
  void removeMember(long memberId);

  /** The ids of the organizations the user is a member of, oldest organization first. */
  List<Long> organizationIdsOf(long userId);
}

package dev.picket.storage;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
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

  ApiToken createToken(long userId, String tokenHash, Set<String> scopes, Instant expiresAt);

  Optional<ApiToken> findToken(String tokenHash);

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

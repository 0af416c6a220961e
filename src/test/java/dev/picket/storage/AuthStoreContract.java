package dev.picket.storage;

import static dev.picket.storage.Fixtures.newOrganization;
import static dev.picket.storage.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
import dev.picket.model.Organization;
import dev.picket.model.Role;
import dev.picket.model.User;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuthStore} must show; subclassed once per backend. */
public abstract class AuthStoreContract {
  protected abstract Storage storage();

  private AuthStore auth() {
    return storage().auth();
  }

  private User newUser() {
    return auth().createUser(unique("user") + "@example.com", "$2a$10$hash", false);
  }

  @Test
  void usersAreStoredLowercasedAndFoundCaseInsensitively() {
    String local = unique("Jane");
    User user = auth().createUser(local + "@Example.COM", "$2a$10$abc", true);

    String lower = (local + "@example.com").toLowerCase(java.util.Locale.ROOT);
    assertThat(user.email()).isEqualTo(lower);
    assertThat(user.superuser()).isTrue();
    assertThat(user.active()).isTrue();
    assertThat(user.passwordHash()).isEqualTo("$2a$10$abc");
    assertThat(auth().findUser(local.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.com"))
        .contains(user);
    assertThat(auth().findUser(user.id())).contains(user);
    assertThat(auth().findUser(unique("nobody") + "@example.com")).isEmpty();
    assertThat(auth().findUser(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void aTakenEmailIsAConflictWhateverItsCase() {
    User user = newUser();
    assertThatThrownBy(() -> auth().createUser(user.email().toUpperCase(java.util.Locale.ROOT), "x", false))
        .isInstanceOf(Conflict.class);
  }

  @Test
  void membershipRolesAreSetAndChanged() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    User user = newUser();

    assertThat(auth().role(org.id(), user.id())).isEmpty();
    auth().setMember(org.id(), user.id(), Role.MEMBER);
    assertThat(auth().role(org.id(), user.id())).contains(Role.MEMBER);
    auth().setMember(org.id(), user.id(), Role.OWNER);
    assertThat(auth().role(org.id(), user.id())).contains(Role.OWNER);
    assertThat(auth().role(other.id(), user.id())).isEmpty();
  }

  @Test
  void tokensAreFoundByTheirHash() {
    User user = newUser();
    String hash = unique("sha256");
    Instant expires = Instant.parse("2030-01-02T03:04:05.678901Z");

    ApiToken token = auth().createToken(user.id(), hash, Set.of("project:read", "event:write"), expires);

    assertThat(token.userId()).isEqualTo(user.id());
    assertThat(token.tokenHash()).isEqualTo(hash);
    assertThat(token.expiresAt()).isEqualTo(expires);
    assertThat(auth().findToken(hash)).contains(token);
    assertThat(auth().findToken(unique("other"))).isEmpty();
  }

  @Test
  void aTokenMayNeverExpireAndHaveNoScopes() {
    User user = newUser();
    String hash = unique("sha256");
    ApiToken token = auth().createToken(user.id(), hash, Set.of(), null);

    ApiToken found = auth().findToken(hash).orElseThrow();
    assertThat(found).isEqualTo(token);
    assertThat(found.expiresAt()).isNull();
    assertThat(found.scopes()).isEmpty();
  }

  @Test
  void apiKeysAreFoundByTheirHash() {
    Organization org = newOrganization(storage());
    String hash = unique("sha256");
    ApiKey key = auth().createApiKey(org.id(), hash, Set.of("org:read"));

    assertThat(key.active()).isTrue();
    assertThat(auth().findApiKey(hash)).contains(key);
    assertThat(auth().findApiKey(unique("other"))).isEmpty();
  }

  @Test
  void membersAreListedFoundAndRemovedWithinTheirOrganization() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    User ann = newUser();
    User bob = newUser();
    auth().setMember(org.id(), ann.id(), Role.OWNER);
    auth().setMember(org.id(), bob.id(), Role.MEMBER);
    auth().setMember(other.id(), bob.id(), Role.ADMIN);

    assertThat(auth().members(org.id())).extracting(Member::email, Member::role)
        .containsExactly(tuple(ann.email(), Role.OWNER),
            tuple(bob.email(), Role.MEMBER));
    Member bobHere = auth().members(org.id()).get(1);
    assertThat(auth().findMember(org.id(), bobHere.id())).contains(bobHere);
    assertThat(auth().findMember(other.id(), bobHere.id())).isEmpty();
    assertThat(auth().organizationIdsOf(bob.id())).containsExactly(org.id(), other.id());

    auth().removeMember(bobHere.id());

    assertThat(auth().members(org.id())).extracting(Member::userId).containsExactly(ann.id());
    assertThat(auth().role(org.id(), bob.id())).isEmpty();
    assertThat(auth().role(other.id(), bob.id())).contains(Role.ADMIN);
  }
}

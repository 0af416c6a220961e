package dev.picket.storage;

import static dev.picket.storage.Fixtures.newOrganization;
import static dev.picket.storage.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.Member;
import dev.picket.model.OrgAuthToken;
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

  @Test
  void namedTokensAreListedOldestFirstAndDeletedOnlyByTheirUser() {
    User user = newUser();
    User other = newUser();
    ApiToken first = auth().createToken(user.id(), "CI", unique("hash"), "abcd", Set.of("org:read"), null);
    ApiToken second = auth().createToken(user.id(), null, unique("hash"), null, Set.of("project:read"), null);
    ApiToken foreign = auth().createToken(other.id(), "x", unique("hash"), "wxyz", Set.of("org:read"), null);

    assertThat(first.name()).isEqualTo("CI");
    assertThat(first.lastCharacters()).isEqualTo("abcd");
    assertThat(first.lastUsed()).isNull();
    assertThat(auth().findToken(first.tokenHash())).contains(first);
    assertThat(auth().tokensOf(user.id())).containsExactly(first, second);

    assertThat(auth().deleteToken(user.id(), foreign.id())).isFalse();
    assertThat(auth().deleteToken(user.id(), first.id())).isTrue();
    assertThat(auth().deleteToken(user.id(), first.id())).isFalse();
    assertThat(auth().findToken(first.tokenHash())).isEmpty();
    assertThat(auth().tokensOf(user.id())).containsExactly(second);
    assertThat(auth().findToken(foreign.tokenHash())).isPresent();
  }

  @Test
  void aTokenUseIsRecordedAtMostOnceAMinute() {
    User user = newUser();
    ApiToken token = auth().createToken(user.id(), unique("hash"), Set.of("org:read"), null);
    Instant first = Instant.parse("2030-01-01T10:00:00.123456Z");

    auth().recordTokenUse(token.id(), first);
    assertThat(auth().findToken(token.tokenHash()).orElseThrow().lastUsed()).isEqualTo(first);

    auth().recordTokenUse(token.id(), first.plusSeconds(59));
    assertThat(auth().findToken(token.tokenHash()).orElseThrow().lastUsed()).isEqualTo(first);

    auth().recordTokenUse(token.id(), first.plusSeconds(60));
    assertThat(auth().findToken(token.tokenHash()).orElseThrow().lastUsed()).isEqualTo(first.plusSeconds(60));
  }

  @Test
  void orgTokensAreBoundToTheirOrganization() {
    Organization org = newOrganization(storage());
    Organization other = newOrganization(storage());
    OrgAuthToken token = auth().createOrgToken(org.id(), "CI", unique("hash"), "wxyz",
        Set.of("org:ci", "project:releases"));
    var second = auth().createOrgToken(org.id(), "Deploys", unique("hash"), "abcd", Set.of("org:ci"));

    assertThat(token.organizationId()).isEqualTo(org.id());
    assertThat(token.scopes()).containsExactlyInAnyOrder("org:ci", "project:releases");
    assertThat(auth().findOrgToken(token.tokenHash())).contains(token);
    assertThat(auth().findOrgToken("0".repeat(64))).isEmpty();
    assertThat(auth().orgTokensOf(org.id())).containsExactly(token, second);
    assertThat(auth().orgTokensOf(other.id())).isEmpty();
    assertThatThrownBy(() -> auth().createOrgToken(other.id(), "dup", token.tokenHash(), "wxyz", Set.of()))
        .isInstanceOf(Conflict.class);

    assertThat(auth().renameOrgToken(other.id(), token.id(), "stolen")).isFalse();
    assertThat(auth().renameOrgToken(org.id(), second.id(), "Renamed")).isTrue();
    assertThat(auth().findOrgToken(second.tokenHash()).orElseThrow().name()).isEqualTo("Renamed");
    assertThat(auth().findOrgToken(token.tokenHash()).orElseThrow().name()).isEqualTo("CI");
    second = auth().findOrgToken(second.tokenHash()).orElseThrow();

    assertThat(auth().deleteOrgToken(other.id(), token.id())).isFalse();
    assertThat(auth().deleteOrgToken(org.id(), token.id())).isTrue();
    assertThat(auth().findOrgToken(token.tokenHash())).isEmpty();
    assertThat(auth().orgTokensOf(org.id())).containsExactly(second);
  }

  @Test
  void anOrgTokenUseIsRecordedAtMostOnceAMinute() {
    Organization org = newOrganization(storage());
    OrgAuthToken token = auth().createOrgToken(org.id(), "CI", unique("hash"), "wxyz", Set.of("org:ci"));
    Instant first = Instant.parse("2030-01-01T10:00:00Z");

    auth().recordOrgTokenUse(token.id(), first);
    auth().recordOrgTokenUse(token.id(), first.plusSeconds(30));
    assertThat(auth().findOrgToken(token.tokenHash()).orElseThrow().lastUsed()).isEqualTo(first);
    auth().recordOrgTokenUse(token.id(), first.plusSeconds(61));
    assertThat(auth().findOrgToken(token.tokenHash()).orElseThrow().lastUsed()).isEqualTo(first.plusSeconds(61));
  }
}

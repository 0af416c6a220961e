package dev.picket.auth;

import dev.picket.model.ApiKey;
import dev.picket.model.ApiToken;
import dev.picket.model.OrgAuthToken;
import dev.picket.model.User;
import dev.picket.storage.AuthStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into a {@link Principal}, as Sentry's authenticators do:
 * Bearer user tokens ({@code sntryu_…} or legacy 64 hex; any bearer not starting with
 * {@code sntrys_}), Bearer organization auth tokens ({@code sntrys_…}), then legacy API keys by
 * HTTP Basic. Secrets are looked up by hash only. Each use of a token is recorded, at most once a
 * minute per token (the stored time is checked first, so most requests write nothing).
 */
public final class ApiAuthenticator {
  /** A token's last use is written at most this often. */
  static final Duration USE_RECORD_INTERVAL = Duration.ofMinutes(1);

  private final AuthStore store;
  private final Clock clock;

  public ApiAuthenticator(AuthStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * The principal of the request; empty when it carries no credentials this API accepts. Throws
   * {@link AuthException} (401) for credentials that are present but malformed or invalid.
   */
  public Optional<Principal> authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.empty();
    }
    String[] parts = authorization.trim().split(" ", 2);
    String scheme = parts[0].toLowerCase(java.util.Locale.ROOT);
    String credentials = parts.length > 1 ? parts[1].trim() : "";
    if (scheme.equals("bearer")) {
      return Optional.of(bearer(credentials));
    }
    if (scheme.equals("basic")) {
      return basic(credentials);
    }
    return Optional.empty();
  }

  private Principal bearer(String token) {
    if (token.isEmpty()) {
      throw AuthException.unauthenticated("Invalid token header. No credentials provided.");
    }
    if (token.contains(" ")) {
      throw AuthException.unauthenticated("Invalid token header. Token string should not contain spaces.");
    }
    if (token.startsWith(Secrets.ORG_TOKEN_PREFIX)) {
      return orgToken(token);
    }
    ApiToken found = store.findToken(Secrets.sha256(token))
        .orElseThrow(() -> AuthException.unauthenticated("Invalid token"));
    Instant now = clock.instant();
    if (found.expiresAt() != null && !found.expiresAt().isAfter(now)) {
      throw AuthException.unauthenticated("Token expired");
    }
    User user = store.findUser(found.userId())
        .filter(User::active)
        .orElseThrow(() -> AuthException.unauthenticated("User inactive or deleted"));
    if (stale(found.lastUsed(), now)) {
      store.recordTokenUse(found.id(), now);
    }
    return Principal.user(user.id(), user.superuser(), found.scopes());
  }

  private Principal orgToken(String token) {
    OrgAuthToken found = store.findOrgToken(Secrets.sha256(token))
        .orElseThrow(() -> AuthException.unauthenticated("Invalid org token"));
    Instant now = clock.instant();
    if (stale(found.lastUsed(), now)) {
      store.recordOrgTokenUse(found.id(), now);
    }
    return Principal.orgToken(found.organizationId(), found.scopes());
  }

  private static boolean stale(Instant lastUsed, Instant now) {
    return lastUsed == null || !lastUsed.plus(USE_RECORD_INTERVAL).isAfter(now);
  }

  private Optional<Principal> basic(String encoded) {
    if (encoded.isEmpty()) {
      throw AuthException.unauthenticated("Invalid basic header. No credentials provided.");
    }
    if (encoded.contains(" ")) {
      throw AuthException.unauthenticated(
          "Invalid basic header. Credentials string should not contain spaces.");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AuthException.unauthenticated("Invalid basic header. Credentials not correctly base64 encoded.");
    }
    int colon = decoded.indexOf(':');
    String key = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    if (!password.isEmpty()) {
      return Optional.empty(); // Sentry's API-key authenticator declines a non-empty password.
    }
    ApiKey apiKey = store.findApiKey(Secrets.sha256(key))
        .orElseThrow(() -> AuthException.unauthenticated("API key is not valid"));
    if (!apiKey.active()) {
      throw AuthException.unauthenticated("Key is disabled");
    }
    return Optional.of(Principal.apiKey(apiKey.organizationId(), apiKey.scopes()));
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.admin.AdminService;
import dev.picket.auth.AuthException;
import dev.picket.auth.Principal;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.ApiToken;
import dev.picket.model.NotFound;
import dev.picket.protocol.EventJson;
import dev.picket.storage.AuthStore;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code /api/0/api-tokens/}: a user lists, creates and deletes their own auth tokens. Any user
 * credential may (Sentry's IsAuthenticated); organization-bound credentials (API keys, org tokens)
 * have no user and are refused with 403. Sentry accepts only a session here; Picket has no
 * sessions yet, so a user token manages its user's tokens.
 */
public final class ApiTokensHandler {
  private final Requester requester;
  private final AuthStore auth;
  private final AdminService admin;

  public ApiTokensHandler(Requester requester, AuthStore auth, AdminService admin) {
    this.requester = requester;
    this.auth = auth;
    this.admin = admin;
  }

  public void list(Context ctx) {
    long user = user(ctx);
    ArrayNode body = Json.object().arrayNode();
    auth.tokensOf(user).forEach(t -> body.add(TokenJson.user(t, null)));
    Json.write(ctx, 200, body);
  }

  public void create(Context ctx) {
    long user = user(ctx);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    JsonNode scopes = body.get("scopes");
    if (scopes == null || scopes.isNull()) {
      Json.write(ctx, 400, ProjectKeyRequest.error("scopes", "This field is required."));
      return;
    }
    Set<String> parsed = new LinkedHashSet<>();
    for (JsonNode scope : scopes.isArray() ? scopes : Json.object().arrayNode().add(scopes)) {
      if (!scope.isTextual() || !Scopes.ALL.contains(scope.textValue())) {
        Json.write(ctx, 400, ProjectKeyRequest.error("scopes", "\"" + scope.asText() + "\" is not a valid choice."));
        return;
      }
      parsed.add(scope.textValue());
    }
    if (parsed.isEmpty()) {
      Json.write(ctx, 400, ProjectKeyRequest.error("scopes", "This selection may not be empty."));
      return;
    }
    JsonNode name = body.get("name");
    String text = name == null || name.isNull() ? null : name.asText();
    AdminService.Created<ApiToken> created = admin.createUserToken(user, text, parsed);
    Json.write(ctx, 201, TokenJson.user(created.stored(), created.plaintext()));
  }

  /** {@code DELETE /api-tokens/} with {@code {"tokenId": …}}: 204 whether or not it existed. */
  public void deleteByBody(Context ctx) {
    long user = user(ctx);
    JsonNode tokenId = EventJson.readObject(ctx.bodyAsBytes()).get("tokenId");
    Long id = tokenId == null ? null : parseId(tokenId.asText());
    if (id == null) {
      Json.write(ctx, 400, Json.object().put("tokenId", tokenId == null ? null : tokenId.asText()));
      return;
    }
    auth.deleteToken(user, id);
    ctx.status(204);
  }

  /** {@code DELETE /api-tokens/{tokenId}/}: 404 unless the token is the requester's. */
  public void deleteById(Context ctx) {
    long user = user(ctx);
    Long id = parseId(ctx.pathParam("tokenId"));
    if (id == null || !auth.deleteToken(user, id)) {
      throw NotFound.resource();
    }
    ctx.status(204);
  }

  private long user(Context ctx) {
    Principal principal = requester.of(ctx)
        .orElseThrow(() -> AuthException.unauthenticated(AuthException.NOT_PROVIDED));
    if (principal.userId() == null) {
      throw AuthException.forbidden();
    }
    return principal.userId();
  }

  static Long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.Principal;
import dev.picket.http.Json;
import dev.picket.storage.AuthStore;
import io.javalin.http.Context;
import java.util.Optional;

/** {@code GET /api/0/}: the API version and who the caller is, or nulls when anonymous. */
public final class IndexHandler {
  private final Requester requester;
  private final AuthStore auth;

  public IndexHandler(Requester requester, AuthStore auth) {
    this.requester = requester;
    this.auth = auth;
  }

  public void handle(Context ctx) {
    Optional<Principal> principal = requester.of(ctx);
    ObjectNode body = Json.object().put("version", "0");
    if (principal.isEmpty()) {
      body.putNull("auth");
      body.putNull("user");
    } else {
      var scopes = body.putObject("auth").putArray("scopes");
      principal.get().scopes().stream().sorted().forEach(scopes::add);
      body.set("user", principal.get().userId() == null ? null : user(principal.get().userId()));
    }
    Json.write(ctx, 200, body);
  }

  private ObjectNode user(long userId) {
    return auth.findUser(userId)
        .map(u -> Json.object().put("id", String.valueOf(u.id())).put("email", u.email())
            .put("username", u.email()).put("isSuperuser", u.superuser()))
        .orElse(null);
  }
}

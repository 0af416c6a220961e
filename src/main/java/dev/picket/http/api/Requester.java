package dev.picket.http.api;

import dev.picket.auth.ApiAuthenticator;
import dev.picket.auth.Principal;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads who is calling the web API from the request's {@code Authorization} header. */
public final class Requester {
  private final ApiAuthenticator authenticator;

  public Requester(ApiAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  Optional<Principal> of(Context ctx) {
    return authenticator.authenticate(ctx.header("Authorization"));
  }
}

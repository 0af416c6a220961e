package dev.picket.http.api;

import io.javalin.http.Context;

/**
 * CORS on the web API as Sentry answers it: a pre-flight {@code OPTIONS} is answered before
 * authentication, and responses to a request with an {@code Origin} allow that origin and expose
 * the pagination and rate-limit headers. Credentials are bearer tokens, never cookies, so no
 * origin gains anything it could not do with the token itself.
 */
public final class ApiCors {
  private static final String METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS = "X-Sentry-Auth, X-Requested-With, Origin, Accept, "
      + "Content-Type, Authentication, Authorization, Content-Encoding, sentry-trace, baggage";
  private static final String EXPOSED_HEADERS = "X-Sentry-Error, X-Sentry-Direct-Hit, X-Hits, "
      + "X-Max-Hits, Endpoint, Retry-After, Link";

  private ApiCors() {}

  /** Adds the CORS headers when the request carries an {@code Origin}. */
  public static void headers(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Methods", METHODS);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    ctx.header("Vary", "Origin");
  }

  /** Answers a pre-flight request with 200. */
  public static void preflight(Context ctx) {
    headers(ctx);
    ctx.header("Allow", METHODS);
    ctx.status(200);
  }
}

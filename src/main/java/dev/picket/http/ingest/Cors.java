package dev.picket.http.ingest;

import io.javalin.http.Context;

/**
 * CORS for browser SDKs on the ingest endpoints, as Relay answers: any origin, the Sentry headers
 * allowed, the rate-limit and error headers exposed.
 */
public final class Cors {
  private static final String ALLOWED_HEADERS = "x-sentry-auth, x-requested-with, x-forwarded-for, "
      + "origin, referer, accept, content-type, authentication, authorization, content-encoding, "
      + "transfer-encoding, sentry-trace, baggage";
  private static final String EXPOSED_HEADERS = "x-sentry-error, x-sentry-rate-limits, retry-after";

  private Cors() {}

  /** Adds the CORS headers to every ingest response. */
  public static void headers(Context ctx) {
    String origin = ctx.header("Origin");
    ctx.header("Access-Control-Allow-Origin", origin == null || origin.isBlank() ? "*" : origin);
    ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    ctx.header("Vary", "Origin");
  }

  /** Answers a pre-flight request. */
  public static void preflight(Context ctx) {
    headers(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Max-Age", "3600");
    ctx.status(200);
  }
}

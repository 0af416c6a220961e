package dev.picket.http.api;

import dev.picket.http.Json;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web API's own rate limit (off when 0): at most N requests per second per credential, or per
 * IP for anonymous requests, answered as Sentry does with 429 and a JSON string body. Counted in
 * memory per node; credentials are keyed by hash, never stored.
 */
public final class ApiRateLimiter {
  private static final int MAX_TRACKED = 100_000;

  private record Window(long second, int count) {}

  private final int perSecond;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public ApiRateLimiter(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
  }

  public void check(Context ctx) {
    if (perSecond <= 0) {
      return;
    }
    long second = clock.instant().getEpochSecond();
    String authorization = ctx.header("Authorization");
    String who = authorization == null ? "ip:" + ctx.ip() : "auth:" + authorization.hashCode();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.second() < second);
    }
    Window window = windows.merge(who, new Window(second, 1),
        (old, fresh) -> old.second() == second ? new Window(second, old.count() + 1) : fresh);
    ctx.header("X-Sentry-Rate-Limit-Limit", String.valueOf(perSecond));
    ctx.header("X-Sentry-Rate-Limit-Remaining", String.valueOf(Math.max(0, perSecond - window.count())));
    ctx.header("X-Sentry-Rate-Limit-Reset", String.valueOf(second + 1));
    if (window.count() > perSecond) {
      ctx.header("Retry-After", "1");
      Json.write(ctx, 429, "You are attempting to use this endpoint too frequently. Limit is "
          + perSecond + " requests in 1 seconds");
      ctx.skipRemainingHandlers();
    }
  }
}

package dev.picket.http;

import dev.picket.storage.Storage;
import io.javalin.http.Context;

/** {@code GET /_health/}: 200 when the database answers, 503 otherwise. */
public final class HealthHandler {
  private final Storage storage;

  public HealthHandler(Storage storage) {
    this.storage = storage;
  }

  public void handle(Context ctx) {
    try {
      storage.check();
      Json.write(ctx, 200, Json.object().put("status", "ok"));
    } catch (RuntimeException e) {
      Json.write(ctx, 503, Json.object().put("status", "unavailable"));
    }
  }
}

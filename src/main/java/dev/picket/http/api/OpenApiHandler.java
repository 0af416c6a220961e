package dev.picket.http.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/0/openapi.json}: the OpenAPI 3 description of Picket's HTTP API, kept beside the
 * code in {@code src/main/resources/openapi.json}; {@code OpenApiTest} checks it against the routes.
 */
public final class OpenApiHandler {
  private final byte[] document;

  public OpenApiHandler() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void handle(Context ctx) {
    ctx.status(200).contentType("application/json").result(document);
  }
}

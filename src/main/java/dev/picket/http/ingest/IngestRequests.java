package dev.picket.http.ingest;

import dev.picket.http.ClientAddress;
import dev.picket.ingest.IngestRequest;
import dev.picket.ingest.IngestRequest.Endpoint;
import io.javalin.http.Context;

/** Reads what ingest needs from an HTTP request, the same way for every ingest endpoint. */
final class IngestRequests {
  private IngestRequests() {}

  static IngestRequest read(Context ctx, Endpoint endpoint, ClientAddress clientAddress) {
    return new IngestRequest(endpoint, ctx.pathParam("projectId"),
        ctx.header("X-Sentry-Auth"), ctx.header("Authorization"), ctx.queryParamMap(),
        ctx.header("Content-Type"), ctx.header("Content-Encoding"), clientAddress.of(ctx),
        ctx.bodyInputStream());
  }
}

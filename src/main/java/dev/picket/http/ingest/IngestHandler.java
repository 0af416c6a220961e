package dev.picket.http.ingest;

import dev.picket.http.ClientAddress;
import dev.picket.http.Json;
import dev.picket.ingest.IngestRequest;
import dev.picket.ingest.IngestRequest.Endpoint;
import dev.picket.ingest.IngestService;
import io.javalin.http.Context;

/** {@code POST /api/{projectId}/store/} and {@code /envelope/}: answers {"id": ...} once committed. */
public final class IngestHandler {
  private final IngestService service;
  private final ClientAddress clientAddress;

  public IngestHandler(IngestService service, ClientAddress clientAddress) {
    this.service = service;
    this.clientAddress = clientAddress;
  }

  public void store(Context ctx) {
    handle(ctx, Endpoint.STORE);
  }

  public void envelope(Context ctx) {
    handle(ctx, Endpoint.ENVELOPE);
  }

  private void handle(Context ctx, Endpoint endpoint) {
    IngestRequest request = IngestRequests.read(ctx, endpoint, clientAddress);
    var committed = service.ingest(request);
    ctx.future(() -> committed.thenAccept(id -> Json.write(ctx, 200,
        id.map(e -> Json.object().put("id", e.hex())).orElseGet(Json::object))));
  }
}

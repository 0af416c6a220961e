package dev.picket.http.ingest;

import dev.picket.http.ClientAddress;
import dev.picket.ingest.IngestRequest;
import dev.picket.ingest.IngestRequest.Endpoint;
import dev.picket.ingest.IngestService;
import dev.picket.ingest.SecurityReports;
import io.javalin.http.Context;

/**
 * {@code POST /api/{projectId}/security/} and {@code /csp-report/}: browser CSP, HPKP, Expect-CT
 * and Expect-Staple reports, keyed by {@code ?sentry_key=}. Answers 200 with an empty body, as
 * Relay does, once every report is committed.
 */
public final class SecurityReportHandler {
  private final IngestService service;
  private final ClientAddress clientAddress;

  public SecurityReportHandler(IngestService service, ClientAddress clientAddress) {
    this.service = service;
    this.clientAddress = clientAddress;
  }

  public void handle(Context ctx) {
    IngestRequest request = IngestRequests.read(ctx, Endpoint.SECURITY, clientAddress);
    SecurityReports.Delivery delivery = new SecurityReports.Delivery(ctx.header("User-Agent"),
        ctx.header("Referer"), ctx.header("Origin"), ctx.queryParam("sentry_release"),
        ctx.queryParam("sentry_environment"));
    var committed = service.ingestSecurityReport(request, delivery);
    ctx.future(() -> committed.thenAccept(done -> ctx.status(200)));
  }
}

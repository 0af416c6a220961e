package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.Deploy;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ReleaseStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;

/** {@code GET/POST /api/0/organizations/{org}/releases/{version}/deploys/}. */
public final class DeployHandler {
  private final ReleaseLookup lookup;
  private final ReleaseStore releases;
  private final Clock clock;

  public DeployHandler(ReleaseDetailsHandler details, ReleaseStore releases, Clock clock) {
    this.lookup = details.lookup();
    this.releases = releases;
    this.clock = clock;
  }

  public void list(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_READ);
    ArrayNode body = Json.object().arrayNode();
    releases.deploys(opened.release().id()).forEach(d -> body.add(ReleaseRenderer.deploy(d)));
    Json.write(ctx, 200, body);
  }

  /** {@code environment} is required; {@code dateFinished} defaults to now, as in Sentry. */
  public void create(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_WRITE);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    String environment = ReleaseRequests.text(body, "environment");
    if (environment == null || environment.isBlank() || environment.length() > 64) {
      throw new BadRequest("environment: This field is required.");
    }
    Instant finished = ReleaseRequests.date(body, "dateFinished");
    Deploy deploy = releases.addDeploy(opened.release().id(), environment, ReleaseRequests.text(body, "name"),
        ReleaseRequests.text(body, "url"), ReleaseRequests.date(body, "dateStarted"),
        finished == null ? clock.instant() : finished);
    Json.write(ctx, 201, ReleaseRenderer.deploy(deploy));
  }
}

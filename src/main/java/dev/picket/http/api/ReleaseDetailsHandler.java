package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.NotFound;
import dev.picket.model.Release;
import dev.picket.model.ReleaseChanges;
import dev.picket.protocol.EventJson;
import dev.picket.storage.ArtifactStore;
import dev.picket.storage.ProjectStore;
import dev.picket.storage.ReleaseStore;
import io.javalin.http.Context;

/**
 * {@code GET/PUT/DELETE /api/0/organizations/{org}/releases/{version}/} and the release's
 * {@code files/} (the files of the artifact bundles uploaded for it).
 */
public final class ReleaseDetailsHandler {
  private final ReleaseLookup lookup;
  private final ReleaseStore releases;
  private final ArtifactStore artifacts;

  ReleaseDetailsHandler(ReleaseLookup lookup, ReleaseStore releases, ArtifactStore artifacts) {
    this.lookup = lookup;
    this.releases = releases;
    this.artifacts = artifacts;
  }

  public static ReleaseDetailsHandler create(Requester requester, IssueGate orgGate, ProjectStore projects,
      ReleaseStore releases, ArtifactStore artifacts) {
    return new ReleaseDetailsHandler(new ReleaseLookup(requester, orgGate, projects, releases), releases, artifacts);
  }

  ReleaseLookup lookup() {
    return lookup;
  }

  public void get(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_READ);
    render(ctx, opened, opened.release());
  }

  /** Sentry's update: {@code ref}, {@code url}, {@code dateReleased} (finalize), {@code status}. */
  public void put(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_WRITE);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    ReleaseChanges changes = new ReleaseChanges(ReleaseRequests.text(body, "ref"),
        ReleaseRequests.text(body, "url"), null, ReleaseRequests.date(body, "dateReleased"), status(body));
    Release updated = releases.update(opened.release().id(), changes).orElseThrow(NotFound::resource);
    render(ctx, opened, updated);
  }

  public void delete(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_WRITE);
    releases.delete(opened.release().id());
    ctx.status(204);
  }

  public void files(Context ctx) {
    ReleaseLookup.Opened opened = lookup.open(ctx, Scopes.RELEASE_READ);
    Json.write(ctx, 200, ReleaseRenderer.files(artifacts.releaseFiles(opened.org().id(), opened.release().version())));
  }

  private void render(Context ctx, ReleaseLookup.Opened opened, Release release) {
    Json.write(ctx, 200, ReleaseRenderer.release(release, releases.stats(release), lookup.projectsById(opened.org())));
  }

  /** The {@code status} field: {@code open} or {@code archived}, or null when absent. */
  static String status(JsonNode body) {
    String status = ReleaseRequests.text(body, "status");
    if (status != null && !status.equals("open") && !status.equals("archived")) {
      throw new BadRequest("status: Invalid status " + status);
    }
    return status;
  }
}

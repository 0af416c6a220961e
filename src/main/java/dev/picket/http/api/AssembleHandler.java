package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Scopes;
import dev.picket.http.BadRequest;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.protocol.EventJson;
import dev.picket.releases.ArtifactBundles;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST /api/0/organizations/{org}/artifactbundle/assemble/} with
 * {@code {checksum, chunks, projects, version?, dist?}}: answers {@code {state, missingChunks, detail}}.
 */
public final class AssembleHandler {
  private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

  private final Requester requester;
  private final IssueGate orgGate;
  private final ArtifactBundles bundles;

  public AssembleHandler(Requester requester, IssueGate orgGate, ArtifactBundles bundles) {
    this.requester = requester;
    this.orgGate = orgGate;
    this.bundles = bundles;
  }

  public void handle(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.RELEASE_WRITE);
    JsonNode body = EventJson.readObject(ctx.bodyAsBytes());
    String checksum = body.path("checksum").asText("");
    List<String> chunks = new ArrayList<>();
    body.path("chunks").forEach(c -> chunks.add(c.asText("")));
    if (!SHA1.matcher(checksum).matches() || !chunks.stream().allMatch(c -> SHA1.matcher(c).matches())) {
      throw new BadRequest("Invalid checksum or chunks");
    }
    if (!body.path("projects").isArray() || body.path("projects").isEmpty()) {
      throw new BadRequest("projects: This field is required.");
    }
    ArtifactBundles.Assembly result = bundles.assemble(org.id(), checksum, chunks,
        ReleaseRequests.text(body, "version"), ReleaseRequests.text(body, "dist"));
    ObjectNode answer = Json.object().put("state", result.state());
    ArrayNode missing = answer.putArray("missingChunks");
    result.missingChunks().forEach(missing::add);
    answer.put("detail", result.detail());
    Json.write(ctx, 200, answer);
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.auth.IssueGate;
import dev.picket.auth.Scopes;
import dev.picket.http.Json;
import dev.picket.model.Organization;
import dev.picket.releases.ArtifactBundles;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * sentry-cli's chunk upload: {@code GET /api/0/organizations/{org}/chunk-upload/} tells it the
 * limits and what Picket accepts; {@code POST} takes a multipart body whose parts are chunks
 * ({@code file_gzip}: gzip-compressed, {@code file}: plain), each named by its SHA-1.
 */
public final class ChunkUploadHandler {
  private final Requester requester;
  private final IssueGate orgGate;
  private final ArtifactBundles bundles;
  private final String baseUrl;
  private final long maxRequestBytes;

  public ChunkUploadHandler(Requester requester, IssueGate orgGate, ArtifactBundles bundles, String baseUrl,
      long maxRequestBytes) {
    this.requester = requester;
    this.orgGate = orgGate;
    this.bundles = bundles;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.maxRequestBytes = maxRequestBytes;
  }

  public void options(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.RELEASE_READ);
    ObjectNode body = Json.object()
        .put("url", baseUrl + "/api/0/organizations/" + org.slug() + "/chunk-upload/")
        .put("chunkSize", ArtifactBundles.CHUNK_SIZE)
        .put("chunksPerRequest", ArtifactBundles.CHUNKS_PER_REQUEST)
        .put("maxFileSize", ArtifactBundles.MAX_FILE_SIZE)
        .put("maxRequestSize", maxRequestBytes)
        .put("concurrency", 1)
        .put("hashAlgorithm", "sha1");
    body.putArray("compression").add("gzip");
    body.putArray("accept").add("release_files").add("artifact_bundles").add("sources");
    Json.write(ctx, 200, body);
  }

  public void upload(Context ctx) {
    Organization org = orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), Scopes.RELEASE_WRITE);
    for (UploadedFile part : ctx.uploadedFiles("file_gzip")) {
      bundles.saveChunk(org.id(), part.filename(), bytes(part), true);
    }
    for (UploadedFile part : ctx.uploadedFiles("file")) {
      bundles.saveChunk(org.id(), part.filename(), bytes(part), false);
    }
    Json.write(ctx, 200, Json.object());
  }

  private static byte[] bytes(UploadedFile part) {
    try (InputStream in = part.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

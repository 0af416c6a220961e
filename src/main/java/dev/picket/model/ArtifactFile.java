package dev.picket.model;

import java.util.Map;

/**
 * One file of an uploaded artifact bundle: its path in the bundle, the URL it is served under
 * ({@code ~/app.min.js}), its type ({@code minified_source}, {@code source_map} ...), its debug id
 * and headers from the manifest, and its contents.
 */
public record ArtifactFile(long id, String path, String url, String type, String debugId,
    Map<String, String> headers, String sha1, long size, byte[] data) {
  public ArtifactFile {
    headers = Map.copyOf(headers);
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.ProjectKey;
import dev.picket.protocol.Dsn;

/**
 * A DSN key in Sentry's shape (reference §8.7): the public key is the id, {@code name}/{@code label}
 * fall back to the public key's first 14 characters, {@code projectId} is a number, and
 * {@code dsn} holds the ingest URLs built on the configured public URL.
 */
final class ProjectKeyJson {
  private ProjectKeyJson() {}

  static ObjectNode of(ProjectKey key, String baseUrl) {
    String label = key.label() == null || key.label().isEmpty()
        ? key.publicKey().substring(0, Math.min(14, key.publicKey().length()))
        : key.label();
    ObjectNode body = Json.object()
        .put("id", key.publicKey())
        .put("name", label)
        .put("label", label)
        .put("public", key.publicKey())
        .put("secret", key.secretKey())
        .put("projectId", key.projectId())
        .put("isActive", key.active());
    if (key.rateLimit() == null) {
      body.putNull("rateLimit");
    } else {
      body.putObject("rateLimit").put("window", key.rateLimit().windowSeconds())
          .put("count", key.rateLimit().count());
    }
    body.set("dsn", dsn(key, baseUrl));
    body.put("dateCreated", ApiDates.millis(key.dateCreated()));
    return body;
  }

  private static ObjectNode dsn(ProjectKey key, String baseUrl) {
    String pub = key.publicKey();
    long project = key.projectId();
    String api = baseUrl + "/api/" + project;
    return Json.object()
        .put("secret", new Dsn(baseUrl, pub, key.secretKey(), project).format())
        .put("public", Dsn.of(baseUrl, pub, project).format())
        .put("csp", api + "/csp-report/?sentry_key=" + pub)
        .put("security", api + "/security/?sentry_key=" + pub)
        .put("minidump", api + "/minidump/?sentry_key=" + pub)
        .put("unreal", api + "/unreal/" + pub + "/")
        .put("cdn", baseUrl + "/js-sdk-loader/" + pub + ".min.js");
  }
}

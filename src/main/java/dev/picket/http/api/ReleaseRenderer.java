package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.ArtifactFile;
import dev.picket.model.Deploy;
import dev.picket.model.Project;
import dev.picket.model.Release;
import dev.picket.model.ReleaseStats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Sentry's release, deploy and release-file bodies. Release dates carry microseconds as Sentry's
 * serializer writes them; Picket has no commits, so {@code commitCount} is 0 and {@code authors}
 * empty.
 */
final class ReleaseRenderer {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ReleaseRenderer() {}

  static ObjectNode release(Release r, ReleaseStats stats, Map<Long, Project> projects) {
    ObjectNode o = Json.object();
    o.put("id", r.id());
    o.put("version", r.version());
    o.put("shortVersion", shortVersion(r.version()));
    o.put("status", r.status());
    o.put("ref", r.ref());
    o.put("url", r.url());
    o.put("dateReleased", date(r.dateReleased()));
    o.put("dateCreated", date(r.dateCreated()));
    o.put("dateStarted", date(r.dateStarted()));
    o.putObject("data");
    o.put("newGroups", stats.newGroups());
    o.putNull("owner");
    o.put("commitCount", 0);
    o.putNull("lastCommit");
    o.put("deployCount", stats.deployCount());
    if (stats.lastDeploy() == null) {
      o.putNull("lastDeploy");
    } else {
      o.set("lastDeploy", deploy(stats.lastDeploy()));
    }
    o.putArray("authors");
    ArrayNode list = o.putArray("projects");
    for (long id : r.projectIds()) {
      Project p = projects.get(id);
      if (p != null) {
        list.addObject().put("id", p.id()).put("slug", p.slug()).put("name", p.name())
            .put("newGroups", stats.newGroups()).putNull("platform").put("hasHealthData", false)
            .putArray("platforms");
      }
    }
    o.put("firstEvent", date(stats.firstEvent()));
    o.put("lastEvent", date(stats.lastEvent()));
    return o;
  }

  static ObjectNode deploy(Deploy d) {
    return Json.object()
        .put("id", String.valueOf(d.id()))
        .put("environment", d.environment())
        .put("name", d.name())
        .put("url", d.url())
        .put("dateStarted", date(d.dateStarted()))
        .put("dateFinished", date(d.dateFinished()));
  }

  static ArrayNode files(List<ArtifactFile> files) {
    ArrayNode list = Json.object().arrayNode();
    for (ArtifactFile f : files) {
      ObjectNode o = list.addObject();
      o.put("id", String.valueOf(f.id()));
      o.put("name", f.url() != null ? f.url() : f.path());
      o.putNull("dist");
      ObjectNode headers = o.putObject("headers");
      f.headers().forEach(headers::put);
      o.put("size", f.size());
      o.put("sha1", f.sha1());
      o.put("type", f.type());
      o.put("debugId", f.debugId());
    }
    return list;
  }

  /** Sentry shortens a version that ends in a 40-hex commit sha to its first 12 characters. */
  static String shortVersion(String version) {
    int at = version.lastIndexOf('@');
    String tail = at >= 0 ? version.substring(at + 1) : version;
    if (tail.length() == 40 && tail.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return version.substring(0, version.length() - 40) + tail.substring(0, 12);
    }
    return version;
  }

  static String date(Instant instant) {
    return instant == null ? null : MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
  }
}

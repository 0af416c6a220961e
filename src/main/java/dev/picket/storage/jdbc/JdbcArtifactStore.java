package dev.picket.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.ArtifactFile;
import dev.picket.storage.ArtifactStore;
import dev.picket.storage.StorageException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ArtifactStore} over JDBC; chunks and files are stored as bytes in the database. */
final class JdbcArtifactStore implements ArtifactStore {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Database db;

  JdbcArtifactStore(Database db) {
    this.db = db;
  }

  @Override
  public void saveChunk(long organizationId, String sha1, byte[] data, Instant now) {
    db.write("store a chunk", h -> h
        .createUpdate("INSERT INTO upload_chunk (organization_id, checksum, data, date_created)"
            + " VALUES (:org, :sha1, :data, :now) ON CONFLICT DO NOTHING")
        .bind("org", organizationId)
        .bind("sha1", sha1)
        .bind("data", data)
        .bind("now", Micros.of(now))
        .execute());
  }

  @Override
  public List<String> missingChunks(long organizationId, Collection<String> sha1s) {
    if (sha1s.isEmpty()) {
      return List.of();
    }
    Set<String> present = db.read("look up chunks", h -> Set.copyOf(h
        .createQuery("SELECT checksum FROM upload_chunk WHERE organization_id = :org AND checksum IN (<sha1s>)")
        .bind("org", organizationId)
        .bindList("sha1s", List.copyOf(sha1s))
        .mapTo(String.class)
        .list()));
    return sha1s.stream().filter(s -> !present.contains(s)).distinct().toList();
  }

  @Override
  public Optional<byte[]> chunk(long organizationId, String sha1) {
    return db.read("read a chunk", h -> h
        .createQuery("SELECT data FROM upload_chunk WHERE organization_id = :org AND checksum = :sha1")
        .bind("org", organizationId)
        .bind("sha1", sha1)
        .mapTo(byte[].class)
        .findOne());
  }

  @Override
  public boolean hasBundle(long organizationId, String checksum) {
    return db.read("look up a bundle", h -> h
        .createQuery("SELECT 1 FROM artifact_bundle WHERE organization_id = :org AND checksum = :checksum")
        .bind("org", organizationId)
        .bind("checksum", checksum)
        .mapTo(Integer.class)
        .findOne()
        .isPresent());
  }

  @Override
  public void saveBundle(long organizationId, String checksum, String releaseVersion, String dist,
      List<ArtifactFile> files, Set<String> chunks, Instant now) {
    db.writeRetrying("store a bundle", h -> {
      Optional<Long> id = h.createQuery("INSERT INTO artifact_bundle"
              + " (organization_id, checksum, release_version, dist, date_created)"
              + " VALUES (:org, :checksum, :release, :dist, :now) ON CONFLICT DO NOTHING RETURNING id")
          .bind("org", organizationId)
          .bind("checksum", checksum)
          .bind("release", releaseVersion)
          .bind("dist", dist)
          .bind("now", Micros.of(now))
          .mapTo(Long.class)
          .findOne();
      if (id.isEmpty()) {
        return null;
      }
      PreparedBatch batch = h.prepareBatch("INSERT INTO artifact_file"
          + " (bundle_id, path, url, type, debug_id, headers, sha1, size, data)"
          + " VALUES (:bundle, :path, :url, :type, :debugId, :headers, :sha1, :size, :data)");
      for (ArtifactFile f : files) {
        batch.bind("bundle", id.get()).bind("path", f.path()).bind("url", f.url()).bind("type", f.type())
            .bind("debugId", f.debugId()).bind("headers", json(f.headers())).bind("sha1", f.sha1())
            .bind("size", f.size()).bind("data", f.data()).add();
      }
      if (!files.isEmpty()) {
        batch.execute();
      }
      if (!chunks.isEmpty()) {
        h.createUpdate("DELETE FROM upload_chunk WHERE organization_id = :org AND checksum IN (<sha1s>)")
            .bind("org", organizationId)
            .bindList("sha1s", List.copyOf(chunks))
            .execute();
      }
      return null;
    });
  }

  @Override
  public List<ArtifactFile> releaseFiles(long organizationId, String releaseVersion) {
    return db.read("list release files", h -> h
        .createQuery("SELECT f.id, f.path, f.url, f.type, f.debug_id, f.headers, f.sha1, f.size"
            + " FROM artifact_file f JOIN artifact_bundle b ON b.id = f.bundle_id"
            + " WHERE b.organization_id = :org AND b.release_version = :release ORDER BY b.id, f.path, f.id")
        .bind("org", organizationId)
        .bind("release", releaseVersion)
        .map((rs, ctx) -> new ArtifactFile(rs.getLong("id"), rs.getString("path"), rs.getString("url"),
            rs.getString("type"), rs.getString("debug_id"), headers(rs.getString("headers")),
            rs.getString("sha1"), rs.getLong("size"), new byte[0]))
        .list());
  }

  private static String json(Map<String, String> headers) {
    try {
      return MAPPER.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new StorageException("could not encode file headers", e);
    }
  }

  private static Map<String, String> headers(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StorageException("could not decode file headers", e);
    }
  }
}

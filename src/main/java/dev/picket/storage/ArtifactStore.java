package dev.picket.storage;

import dev.picket.model.ArtifactFile;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What sentry-cli uploads: chunks addressed by the SHA-1 of their bytes, and the artifact bundles
 * assembled from them with their files, per organization.
 */
public interface ArtifactStore {
  /** Stores a chunk; a chunk already stored is kept as it is. */
  void saveChunk(long organizationId, String sha1, byte[] data, Instant now);

  /** Those of the checksums that have no stored chunk, in the order given. */
  List<String> missingChunks(long organizationId, Collection<String> sha1s);

  Optional<byte[]> chunk(long organizationId, String sha1);

  boolean hasBundle(long organizationId, String checksum);

  /**
   * Stores an assembled bundle and its files, and drops the chunks it was made of; a bundle with
   * the same checksum already stored is kept and this is a no-op.
   */
  void saveBundle(long organizationId, String checksum, String releaseVersion, String dist,
      List<ArtifactFile> files, Set<String> chunks, Instant now);

  /**
   * The files of the bundles uploaded for the release version, by bundle then path; their
   * {@code data} is not loaded (empty).
   */
  List<ArtifactFile> releaseFiles(long organizationId, String releaseVersion);
}

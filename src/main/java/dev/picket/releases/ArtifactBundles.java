package dev.picket.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.ArtifactFile;
import dev.picket.storage.ArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * sentry-cli's upload protocol: chunks are stored by the SHA-1 of their bytes (checked), and
 * {@link #assemble} answers which chunks are missing, or joins them, checks the whole file's SHA-1,
 * reads the bundle's {@code manifest.json} and stores its files. Assembly is synchronous, so the
 * answer is {@code not_found} (chunks missing), {@code ok} or {@code error}, never
 * {@code assembling}.
 */
public final class ArtifactBundles {
  /** The limits sentry-cli is told in the chunk-upload options. */
  public static final int CHUNK_SIZE = 8 * 1024 * 1024;
  public static final int CHUNKS_PER_REQUEST = 2;
  public static final long MAX_FILE_SIZE = 64L * 1024 * 1024;
  /** The most a bundle may hold once unzipped (a zip bomb stops here). */
  static final long MAX_UNZIPPED_SIZE = 256L * 1024 * 1024;

  /** The answer to an assemble request. */
  public record Assembly(String state, List<String> missingChunks, String detail) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ArtifactStore store;
  private final Clock clock;

  public ArtifactBundles(ArtifactStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Stores one uploaded chunk; {@code gzip} when sent as {@code file_gzip}. */
  public void saveChunk(long organizationId, String name, byte[] sent, boolean gzip) {
    byte[] data = gzip ? gunzip(sent) : sent;
    if (data.length > CHUNK_SIZE) {
      throw new InvalidUpload("Chunk size too large");
    }
    String sha1 = sha1(data);
    if (!sha1.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
      throw new InvalidUpload("Checksum mismatch");
    }
    store.saveChunk(organizationId, sha1, data, clock.instant());
  }

  public Assembly assemble(long organizationId, String checksum, List<String> chunks, String version, String dist) {
    if (store.hasBundle(organizationId, checksum)) {
      return new Assembly("ok", List.of(), null);
    }
    List<String> missing = store.missingChunks(organizationId, chunks);
    if (!missing.isEmpty()) {
      return new Assembly("not_found", missing, null);
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    for (String sha1 : chunks) {
      byte[] chunk = store.chunk(organizationId, sha1).orElse(null);
      if (chunk == null) {
        return new Assembly("not_found", List.of(sha1), null);
      }
      if (whole.size() + (long) chunk.length > MAX_FILE_SIZE) {
        return new Assembly("error", List.of(), "File exceeds maximum size");
      }
      whole.writeBytes(chunk);
    }
    byte[] file = whole.toByteArray();
    if (!sha1(file).equals(checksum)) {
      return new Assembly("error", List.of(), "Reported checksum mismatch");
    }
    List<ArtifactFile> files;
    try {
      files = read(file);
    } catch (IOException | InvalidUpload e) {
      return new Assembly("error", List.of(), "Invalid artifact bundle");
    }
    store.saveBundle(organizationId, checksum, version, dist, files, new LinkedHashSet<>(chunks), clock.instant());
    return new Assembly("ok", List.of(), null);
  }

  /** The bundle's files as its manifest describes them (url, type, headers, debug id). */
  static List<ArtifactFile> read(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    long left = MAX_UNZIPPED_SIZE;
    int start = zipStart(zip);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip, start, zip.length - start))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (!e.isDirectory()) {
          byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
          left -= data.length;
          if (left < 0) {
            throw new InvalidUpload("bundle too large when unzipped");
          }
          entries.put(e.getName(), data);
        }
      }
    }
    byte[] manifestBytes = entries.get("manifest.json");
    if (manifestBytes == null) {
      throw new InvalidUpload("no manifest.json");
    }
    JsonNode manifest = MAPPER.readTree(manifestBytes);
    List<ArtifactFile> files = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : manifest.path("files").properties()) {
      byte[] data = entries.get(f.getKey());
      if (data == null) {
        throw new InvalidUpload("manifest names a missing file");
      }
      Map<String, String> headers = new HashMap<>();
      f.getValue().path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
      String debugId = headers.getOrDefault("debug-id", headers.get("debug_id"));
      files.add(new ArtifactFile(0, f.getKey(), f.getValue().path("url").textValue(),
          f.getValue().path("type").textValue(), debugId, headers, sha1(data), data.length, data));
    }
    return files;
  }

  /**
   * Where the zip starts: sentry-cli's bundles begin with a small source-bundle header
   * ({@code SYSB} and a version) before the first local file header {@code PK\3\4}.
   */
  private static int zipStart(byte[] data) {
    for (int i = 0; i + 3 < Math.min(data.length, 64); i++) {
      if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 3 && data[i + 3] == 4) {
        return i;
      }
    }
    throw new InvalidUpload("not a zip archive");
  }

  private static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readNBytes(CHUNK_SIZE + 1);
    } catch (IOException e) {
      throw new InvalidUpload("Chunk is not valid gzip");
    }
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always available", e);
    }
  }
}

package dev.picket.protocol;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Decodes request bodies per {@code Content-Encoding} (spec §2.1) under two hard limits: bytes read
 * from the wire and bytes produced. Limits are enforced while streaming, so a decompression bomb
 * fails with 413 {@code request body too large} after at most the limit; corrupt data fails with
 * 400 {@code invalid request body} and a short cause; unknown encodings with 400.
 */
public final class BodyDecoder {
  /** Default cap on raw (possibly compressed) request bytes: 20 MiB. */
  public static final long DEFAULT_MAX_COMPRESSED_BYTES = 20L << 20;
  /** Default cap on decoded bytes: 100 MiB. */
  public static final long DEFAULT_MAX_DECODED_BYTES = 100L << 20;
  static final String TOO_LARGE = "request body too large";
  static final String INVALID = "invalid request body";
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
  private static final int MAX_CHUNK = 1 << 20;

  private final long maxCompressedBytes;
  private final long maxDecodedBytes;

  /** Creates a decoder with the given limits (positive; decoded at most ~2 GiB). */
  public BodyDecoder(long maxCompressedBytes, long maxDecodedBytes) {
    if (maxCompressedBytes <= 0 || maxDecodedBytes <= 0 || maxDecodedBytes > MAX_ARRAY) {
      throw new IllegalArgumentException("limits must be positive and fit a byte array");
    }
    this.maxCompressedBytes = maxCompressedBytes;
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** A decoder with the default limits (20 MiB on the wire, 100 MiB decoded). */
  public static BodyDecoder withDefaults() {
    return new BodyDecoder(DEFAULT_MAX_COMPRESSED_BYTES, DEFAULT_MAX_DECODED_BYTES);
  }

  /**
   * Reads and decodes {@code body}. Encodings: absent, empty, {@code identity}, {@code UTF-8} (old
   * Android) → as is; {@code gzip}/{@code x-gzip}, {@code deflate} (zlib, or raw deflate without a
   * zlib header), {@code br}, {@code zstd}; a comma-separated list is undone last-first. The caller
   * keeps ownership of {@code body} (it is not closed).
   *
   * @throws ProtocolException 413 over a limit, 400 for corrupt data or unknown encodings
   * @throws IOException when reading {@code body} itself fails (e.g. the client disconnected)
   */
  public byte[] decode(InputStream body, String contentEncoding) throws IOException {
    List<String> encodings = encodings(contentEncoding);
    InputStream in = new LimitedInputStream(body, maxCompressedBytes, true);
    String current = "identity";
    try {
      for (int i = encodings.size() - 1; i >= 0; i--) {
        current = encodings.get(i);
        in = wrap(in, current);
      }
      current = encodings.isEmpty() ? current : String.join(", ", encodings);
      return readAll(new LimitedInputStream(in, maxDecodedBytes, false));
    } catch (ProtocolException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      rethrowSourceFailure(e);
      throw corrupt(current, e);
    } finally {
      closeQuietly(in);
    }
  }

  /**
   * Turns a store-endpoint body into event JSON bytes (spec §2.2): JSON (first non-whitespace
   * byte is an opening brace) as is; otherwise base64 (standard alphabet, whitespace ignored),
   * used as is when that is JSON, else zlib-inflated (raven clients send {@code
   * base64(zlib(json))}). Inflated output over {@code maxEventBytes} → 413; empty or undecodable
   * → 400.
   */
  public static byte[] decodeStoreBody(byte[] body, int maxEventBytes) {
    if (body.length == 0) {
      throw ProtocolException.badRequest("empty request body");
    }
    if (startsWithBrace(body)) {
      return body;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(withoutWhitespace(body));
    } catch (IllegalArgumentException e) {
      throw ProtocolException.badRequest(INVALID, "neither JSON nor base64");
    }
    if (startsWithBrace(decoded)) {
      return decoded;
    }
    try {
      return new BodyDecoder(MAX_ARRAY, maxEventBytes)
          .decode(new ByteArrayInputStream(decoded), "deflate");
    } catch (IOException e) {
      throw ProtocolException.badRequest(INVALID, "unreadable body");
    }
  }

  private static List<String> encodings(String header) {
    List<String> result = new ArrayList<>();
    if (header == null) {
      return result;
    }
    for (String token : header.split(",")) {
      String name = token.trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "", "identity", "utf-8" -> { }
        case "gzip", "x-gzip", "deflate", "br", "zstd" -> result.add(name);
        default -> throw ProtocolException.badRequest(
            "unsupported content encoding: " + printable(name));
      }
    }
    return result;
  }

  private static InputStream wrap(InputStream in, String encoding) throws IOException {
    return switch (encoding) {
      case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
      case "deflate" -> inflating(in);
      case "br" -> new BrotliInputStream(in);
      case "zstd" -> new ZstdInputStream(in);
      default -> throw new IllegalStateException("unchecked encoding " + encoding);
    };
  }

  /** zlib-wrapped deflate (RFC 1950) when the first two bytes form a zlib header, else raw. */
  private static InputStream inflating(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 2);
    byte[] head = pushback.readNBytes(2);
    pushback.unread(head);
    boolean zlib = head.length == 2 && (head[0] & 0x0F) == 8
        && (((head[0] & 0xFF) << 8) | (head[1] & 0xFF)) % 31 == 0;
    Inflater inflater = new Inflater(!zlib);
    return new InflaterInputStream(pushback, inflater, 8192) {
      @Override
      public void close() throws IOException {
        super.close();
        inflater.end();
      }
    };
  }

  /**
   * Reads into chunks of growing size (so a rejected body never costs more than the limit) and
   * joins them once at the end.
   */
  private static byte[] readAll(InputStream in) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    int total = 0;
    int size = 8192;
    while (true) {
      byte[] chunk = new byte[size];
      int n = in.readNBytes(chunk, 0, size);
      total += n;
      chunks.add(n == size ? chunk : Arrays.copyOf(chunk, n));
      if (n < size) {
        return join(chunks, total);
      }
      size = Math.min(size * 2, MAX_CHUNK);
    }
  }

  private static byte[] join(List<byte[]> chunks, int total) {
    if (chunks.size() == 1) {
      return chunks.get(0);
    }
    byte[] result = new byte[total];
    int pos = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, result, pos, chunk.length);
      pos += chunk.length;
    }
    return result;
  }

  private static void rethrowSourceFailure(Throwable e) throws IOException {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitedInputStream.SourceIOException source) {
        throw (IOException) source.getCause();
      }
    }
  }

  private static ProtocolException corrupt(String encoding, Throwable e) {
    String what = e instanceof EOFException ? "truncated" : "corrupt";
    String message = e.getMessage() == null ? "" : " (" + printable(e.getMessage()) + ")";
    String cause = what + " " + encoding + " data" + message;
    return new ProtocolException(400, INVALID, List.of(cause), e);
  }

  private static boolean startsWithBrace(byte[] data) {
    for (byte b : data) {
      if (!isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  private static byte[] withoutWhitespace(byte[] data) {
    byte[] out = new byte[data.length];
    int n = 0;
    for (byte b : data) {
      if (!isWhitespace(b)) {
        out[n++] = b;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private static String printable(String text) {
    String cut = text.length() > 60 ? text.substring(0, 60) : text;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // Nothing useful to do: the body was already read or rejected.
    }
  }
}

package dev.picket.hostile;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Builders of hostile payloads and a raw HTTP/1.1 client for requests HttpClient cannot send. */
final class Hostile {
  static final int MIB = 1024 * 1024;

  /** 200 MiB of zeros, Brotli-compressed by {@code brotli -q 9} to 165 bytes. */
  static final byte[] BROTLI_BOMB = Base64.getDecoder().decode(
      "z///fwAkAOKxQHLv//n//w+ABEAcFoDu/T////8BkACIwwLQvf/n//8/ABIAcVgAuvf//P//B0ACIA4LQPf+n///"
      + "/wBIAMRhAeje//P//x8ACYA4LADd+3/+//8DIAEQhwWge//P//9/ACQA4rAAdO//+f//D4AEQBwWgO79P////wGQ"
      + "AIjDAtC9/+f//z8AEgBxWAC69//5//8HQAIgDgtA9/4P");

  private Hostile() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9))) {
      d.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code mib} MiB of zeros, compressed as a stream (never held uncompressed at once). */
  static byte[] gzipZeros(int mib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      writeZeros(gz, mib);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflateZeros(int mib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9))) {
      writeZeros(d, mib);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] zstdZeros(int mib) {
    return Zstd.compress(new byte[mib * MIB], 19);
  }

  static byte[] zstd(byte[] data) {
    return Zstd.compress(data, 3);
  }

  private static void writeZeros(OutputStream out, int mib) throws IOException {
    byte[] zeros = new byte[MIB];
    for (int i = 0; i < mib; i++) {
      out.write(zeros);
    }
  }

  /** {@code depth} nested arrays: {@code [[[...]]]}. */
  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** A JSON object with {@code count} members made by {@code member.apply(i)} (already JSON). */
  static String members(int count, java.util.function.IntFunction<String> member) {
    StringBuilder sb = new StringBuilder(count * 24);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(member.apply(i));
    }
    return sb.toString();
  }

  /** The answer of a raw exchange: status (-1 when the server closed without one) and body. */
  record RawResponse(int status, Map<String, String> headers, String body) {}

  /**
   * Sends {@code head} (request line and headers, CRLF-terminated) and {@code body} on a fresh
   * connection; the body is written from a second thread so that an early answer (413 while the
   * client still uploads) is read. Bounded by {@code timeoutMillis}.
   */
  static RawResponse exchange(int port, String head, byte[] body, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread writer = new Thread(() -> {
        try {
          for (int off = 0; off < body.length; off += 65536) {
            out.write(body, off, Math.min(65536, body.length - off));
          }
          out.flush();
        } catch (IOException ignored) {
          // the server answered early and closed: expected for oversize bodies
        }
      }, "raw-upload");
      writer.setDaemon(true);
      writer.start();
      RawResponse response = read(socket.getInputStream());
      writer.join(timeoutMillis);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads one HTTP/1.1 response (Content-Length framed); status -1 on EOF before a status. */
  static RawResponse read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return new RawResponse(-1, Map.of(), "");
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
    byte[] body = in.readNBytes(Math.min(length, MIB));
    return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers,
        new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    for (int i = 0; i < 65536; i++) {
      int b;
      try {
        b = in.read();
      } catch (java.net.SocketException e) {
        b = -1;
      }
      if (b < 0) {
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
      }
      if (b == '\n') {
        String s = buffer.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      buffer.write(b);
    }
    throw new IOException("header line too long");
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

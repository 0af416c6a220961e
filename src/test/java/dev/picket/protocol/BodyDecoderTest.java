package dev.picket.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyDecoderTest {
  private static final byte[] JSON =
      "{\"message\":\"hello\",\"extra\":{\"n\":[1,2,3]}}".getBytes(UTF_8);
  private static final long BOMB_SIZE = 200L << 20;
  private static byte[] gzipBomb;

  @BeforeAll
  static void buildGzipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
      writeZeros(gzip, BOMB_SIZE);
    }
    gzipBomb = out.toByteArray();
  }

  private static byte[] decode(byte[] body, String encoding) throws IOException {
    return BodyDecoder.withDefaults().decode(new ByteArrayInputStream(body), encoding);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "identity", "IDENTITY", " identity ", "UTF-8", "utf-8", "identity, "})
  void decode_returnsBodyAsIsForIdentityForms(String encoding) throws IOException {
    assertThat(decode(JSON, encoding)).isEqualTo(JSON);
  }

  @Test
  void decode_rubyEmptyContentEncodingMeansIdentity() throws IOException {
    String encoding = Fixtures.header(Fixtures.meta("ruby-sdk", 1), "Content-Encoding");
    assertThat(encoding).isEmpty();

    byte[] body = decode(Fixtures.body("ruby-sdk", 1), encoding);

    assertThat(new String(body, 0, 12, UTF_8)).isEqualTo("{\"event_id\":");
  }

  @Test
  void decode_pythonGzipStoreBody() throws IOException {
    byte[] body = decode(Fixtures.body("python-sdk", 1), "gzip");

    assertThat(EventJson.readTree(body)).isEqualTo(Fixtures.decoded("python-sdk", 1).get("event"));
  }

  @Test
  void decode_gzipAndXGzip() throws IOException {
    assertThat(decode(gzip(JSON), "gzip")).isEqualTo(JSON);
    assertThat(decode(gzip(JSON), "X-GZIP")).isEqualTo(JSON);
  }

  @Test
  void decode_deflateWithZlibHeader() throws IOException {
    assertThat(decode(deflate(JSON, false), "deflate")).isEqualTo(JSON);
  }

  @Test
  void decode_deflateFallsBackToRawDeflateWithoutZlibHeader() throws IOException {
    assertThat(decode(deflate(JSON, true), "deflate")).isEqualTo(JSON);
  }

  @Test
  void decode_brotli() throws IOException {
    byte[] expected = resource("event.json");

    assertThat(decode(resource("event.json.br"), "br")).isEqualTo(expected);
  }

  @Test
  void decode_zstd() throws IOException {
    assertThat(decode(Zstd.compress(JSON), "zstd")).isEqualTo(JSON);
  }

  @Test
  void decode_undoesStackedEncodingsLastFirst() throws IOException {
    byte[] twice = Zstd.compress(gzip(JSON));

    assertThat(decode(twice, "gzip, zstd")).isEqualTo(JSON);
    assertThat(decode(gzip(deflate(JSON, false)), "deflate,identity,gzip")).isEqualTo(JSON);
  }

  @Test
  void decode_readsLargeBodiesAcrossChunks() throws IOException {
    byte[] big = new byte[5_000_000];
    Arrays.fill(big, (byte) 'x');

    assertThat(decode(gzip(big), "gzip")).isEqualTo(big);
    assertThat(decode(big, null)).isEqualTo(big);
  }

  @ParameterizedTest
  @ValueSource(strings = {"compress", "gzip, lzma", "exi"})
  void decode_rejectsUnknownEncodingWith400(String encoding) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> decode(JSON, encoding))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).startsWith("unsupported content encoding: ");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
  void decode_rejectsCorruptDataWith400(String encoding) {
    byte[] garbage = "this is definitely not compressed, secret=hunter2".getBytes(UTF_8);

    assertInvalidBody(garbage, encoding);
  }

  @Test
  void decode_rejectsTruncatedStreamsWith400() throws IOException {
    byte[] big = new byte[100_000];
    new java.util.Random(1).nextBytes(big);
    assertInvalidBody(truncate(gzip(big)), "gzip");
    assertInvalidBody(truncate(deflate(big, false)), "deflate");
    assertInvalidBody(truncate(Zstd.compress(big)), "zstd");
    assertInvalidBody(truncate(resource("event.json.br")), "br");
  }

  @Test
  void decode_rejectsRawBodyOverCompressedLimitWith413() throws IOException {
    BodyDecoder decoder = new BodyDecoder(100, 1_000_000);

    assertThat(decodeWith(decoder, new byte[100])).hasSize(100);
    assertTooLarge(() -> decoder.decode(new ByteArrayInputStream(new byte[101]), null));
  }

  @Test
  void decode_rejectsDecodedBodyOverDecodedLimitWith413() throws IOException {
    BodyDecoder decoder = new BodyDecoder(1_000_000, 1000);
    byte[] zeros = new byte[1001];

    byte[] atLimit = gzip(new byte[1000]);

    assertThat(decoder.decode(new ByteArrayInputStream(atLimit), "gzip")).hasSize(1000);
    assertTooLarge(() -> decoder.decode(new ByteArrayInputStream(gzip(zeros)), "gzip"));
  }

  @Test
  @Timeout(10)
  void decode_stopsGzipBombAtLimitWithoutInflatingIt() {
    assertThat(gzipBomb.length).isLessThan(1 << 20);
    CountingStream wire = new CountingStream(new ByteArrayInputStream(gzipBomb));
    BodyDecoder decoder = new BodyDecoder(BodyDecoder.DEFAULT_MAX_COMPRESSED_BYTES, 1 << 20);

    assertTooLarge(() -> decoder.decode(wire, "gzip"));

    assertThat(wire.count).isLessThan(gzipBomb.length / 10);
  }

  @Test
  @Timeout(20)
  void decode_rejectsGzipBombWithDefaultLimitsWithoutAllocatingItsSize() {
    com.sun.management.ThreadMXBean threads = allocationCounter();
    long before = threads.getCurrentThreadAllocatedBytes();

    assertTooLarge(() -> decode(gzipBomb, "gzip"));

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(BodyDecoder.DEFAULT_MAX_DECODED_BYTES + (20L << 20));
  }

  @Test
  void decode_stopsBrotliAndZstdBombsAtLimit() throws IOException {
    BodyDecoder decoder = new BodyDecoder(1 << 20, 1 << 20);
    ByteArrayOutputStream zstd = new ByteArrayOutputStream();
    try (OutputStream out = new ZstdOutputStream(zstd)) {
      writeZeros(out, 50L << 20);
    }

    assertTooLarge(() -> decoder.decode(
        new ByteArrayInputStream(resource("zeros-200mib.br")), "br"));
    assertTooLarge(() -> decoder.decode(new ByteArrayInputStream(zstd.toByteArray()), "zstd"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"gzip", "br", "zstd", "deflate"})
  void decode_propagatesFailuresOfTheRequestStreamAsIoException(String encoding) {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("connection reset");
      }
    };

    assertThatExceptionOfType(IOException.class)
        .isThrownBy(() -> BodyDecoder.withDefaults().decode(broken, encoding))
        .withMessage("connection reset");
  }

  @Test
  void decode_doesNotCloseCallersStream() throws IOException {
    boolean[] closed = {false};
    InputStream body = new FilterInputStream(new ByteArrayInputStream(gzip(JSON))) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    BodyDecoder.withDefaults().decode(body, "gzip");

    assertThat(closed[0]).isFalse();
  }

  private static byte[] decodeWith(BodyDecoder decoder, byte[] body) throws IOException {
    return decoder.decode(new ByteArrayInputStream(body), null);
  }

  private static void assertInvalidBody(byte[] body, String encoding) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> decode(body, encoding))
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("invalid request body");
          assertThat(e.causes()).singleElement().asString().contains(encoding)
              .doesNotContain("hunter2");
          assertThat(e.getMessage()).doesNotContain("hunter2");
        });
  }

  static void assertTooLarge(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatExceptionOfType(ProtocolException.class).isThrownBy(call).satisfies(e -> {
      assertThat(e.status()).isEqualTo(413);
      assertThat(e.detail()).isEqualTo("request body too large");
    });
  }

  private static com.sun.management.ThreadMXBean allocationCounter() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (OutputStream deflate = new DeflaterOutputStream(out, deflater)) {
      deflate.write(data);
    } finally {
      deflater.end();
    }
    return out.toByteArray();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = BodyDecoderTest.class.getResourceAsStream("/protocol/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] truncate(byte[] data) {
    return Arrays.copyOf(data, data.length - Math.max(1, data.length / 3));
  }

  private static void writeZeros(OutputStream out, long total) throws IOException {
    byte[] zeros = new byte[1 << 16];
    for (long written = 0; written < total; written += zeros.length) {
      out.write(zeros);
    }
  }

  /** Counts bytes the decoder pulled from the wire. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }
}

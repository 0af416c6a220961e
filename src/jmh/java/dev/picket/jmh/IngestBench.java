package dev.picket.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.grouping.GroupingResult;
import dev.picket.grouping.Grouper;
import dev.picket.normalize.IngestContext;
import dev.picket.normalize.Normalizer;
import dev.picket.protocol.BodyDecoder;
import dev.picket.protocol.Envelope;
import dev.picket.protocol.EnvelopeParser;
import dev.picket.protocol.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ingest pipeline's CPU stages, one benchmark each, on the load benchmark's Python-SDK-like
 * event (about 6 KB and 50 KB): body decoding (gzip) + envelope parsing, JSON parsing +
 * normalization, grouping, and writing the stored payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC"})
public class IngestBench {
  @Param({"5", "50"})
  public int kb;

  private final BodyDecoder decoder = BodyDecoder.withDefaults();
  private final Normalizer normalizer = new Normalizer();
  private final Grouper grouper = new Grouper();
  private byte[] gzippedEnvelope;
  private byte[] eventJson;
  private JsonNode raw;
  private ObjectNode normalized;
  private IngestContext context;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    gzippedEnvelope = gzip(SampleEvents.envelope(kb * 1024).getBytes(StandardCharsets.UTF_8));
    eventJson = SampleEvents.event(kb * 1024).getBytes(StandardCharsets.UTF_8);
    context = new IngestContext(Instant.parse("2026-11-28T18:47:27Z"), "10.1.2.3",
        "sentry.python/2.19.0", null, null);
    raw = EventJson.readObject(eventJson);
    normalized = normalizer.normalize(raw, context);
  }

  @Benchmark
  public Envelope decodeAndParseEnvelope() throws IOException {
    byte[] body = decoder.decode(new ByteArrayInputStream(gzippedEnvelope), "gzip");
    return EnvelopeParser.parse(body);
  }

  @Benchmark
  public ObjectNode parseAndNormalize() {
    return normalizer.normalize(EventJson.readObject(eventJson), context);
  }

  @Benchmark
  public ObjectNode normalizeOnly() {
    return normalizer.normalize(raw, context);
  }

  @Benchmark
  public GroupingResult group() {
    return grouper.group(normalized, GroupingConfigs.DEFAULT);
  }

  @Benchmark
  public byte[] writeStoredPayload() {
    return EventJson.write(normalized);
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }
}

package dev.picket.http.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.grouping.Grouper;
import dev.picket.jmh.SampleEvents;
import dev.picket.model.EventId;
import dev.picket.model.StoredEvent;
import dev.picket.normalize.IngestContext;
import dev.picket.normalize.Normalizer;
import dev.picket.protocol.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The seed endpoint's CPU work once the row is read: parse the stored payload, render Sentry's
 * response shape ({@link EventDetailsRenderer}, package-private, hence this package) and write it
 * as JSON bytes, as {@code EventDetailsHandler} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m", "-XX:+UseSerialGC"})
public class SeedRenderBench {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"5", "50"})
  public int kb;

  private StoredEvent stored;

  @Setup(Level.Trial)
  public void setUp() {
    byte[] json = SampleEvents.event(kb * 1024).getBytes(StandardCharsets.UTF_8);
    Instant received = Instant.parse("2026-11-28T18:47:27Z");
    ObjectNode event = new Normalizer().normalize(EventJson.readObject(json), IngestContext.at(received));
    event.putArray("hashes").add(new Grouper().group(event, GroupingConfigs.DEFAULT).hashes().get(0));
    event.put("grouping_config", GroupingConfigs.DEFAULT);
    EventId id = new EventId(event.get("event_id").asText());
    stored = new StoredEvent(1, 1, 1, id, received, received, EventJson.write(event));
  }

  @Benchmark
  public byte[] renderSeedResponse() throws Exception {
    ObjectNode body = EventDetailsRenderer.render(stored, EventJson.readTree(stored.payload()),
        Optional.empty(), Optional.empty());
    return MAPPER.writeValueAsBytes(body);
  }
}

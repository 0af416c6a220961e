package dev.picket.hostile;

import static dev.picket.hostile.Hostile.MIB;
import static dev.picket.hostile.Hostile.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.EventId;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.Role;
import dev.picket.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input battery of issue 6: one row per hostile request with the status Relay gives,
 * against a real server on port 0. After every row the server is healthy; a background sender
 * posts valid events through the whole battery and every one must be acknowledged and readable;
 * stalled uploads run alongside and must be cut off; retained heap must stay bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Most a single row may take: a request that burns CPU for longer is a denial of service. */
  static final Duration ROW_BUDGET = Duration.ofSeconds(15);
  /** Most the retained heap may grow over the whole battery. */
  static final long RETAINED_GROWTH_LIMIT = 48L * MIB;
  static final int STALLED_UPLOADS = 20;

  @TempDir static Path dir;
  TestServer server;
  Project project;
  ProjectKey key;
  String token;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final AtomicBoolean sending = new AtomicBoolean(true);
  final ConcurrentLinkedQueue<String> sentIds = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<String> senderFailures = new ConcurrentLinkedQueue<>();
  CompletableFuture<Void> sender;
  final List<CompletableFuture<String>> stalled = new ArrayList<>();
  final List<String> report = Collections.synchronizedList(new ArrayList<>());
  long heapBefore;
  final java.util.concurrent.atomic.AtomicLong peakUsed = new java.util.concurrent.atomic.AtomicLong();
  final Thread sampler = new Thread(() -> {
    var memory = ManagementFactory.getMemoryMXBean();
    while (sending.get()) {
      peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }, "heap-sampler");

  @BeforeAll
  void start() {
    server = TestServer.sqlite(dir);
    project = server.newProject();
    key = server.key(project);
    token = server.token(project, Role.MEMBER, "project:read,event:read");
    heapBefore = retainedHeap();
    sampler.setDaemon(true);
    sampler.start();
    for (int i = 0; i < STALLED_UPLOADS; i++) {
      stalled.add(CompletableFuture.supplyAsync(this::stallUpload));
    }
    stalled.add(CompletableFuture.supplyAsync(this::stallHeaders));
    sender = CompletableFuture.runAsync(this::sendValidEventsUntilStopped);
  }

  @AfterAll
  void stop() throws IOException {
    sending.set(false);
    server.close();
    Path out = Path.of("target", "hostile-report.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  // ---------------------------------------------------------------------------------------------
  // The table

  /** A hostile request, the status it must get, and optional checks of the answer. */
  record Row(String name, int status, Supplier<Answer> request, Consumer<Answer> check) {
    @Override
    public String toString() {
      return name + " → " + status;
    }
  }

  /** An HTTP answer from either client. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // Malformed, truncated and wrong-typed JSON on /store/
    rows.add(row("malformed JSON (trailing comma)", 400, () -> store("{\"message\":\"hi\",}")));
    rows.add(row("truncated JSON", 400, () -> store("{\"message\":\"hel")));
    rows.add(row("trailing garbage after the object", 400, () -> store("{\"message\":\"a\"} x")));
    rows.add(row("top-level array", 400, () -> store("[{\"message\":\"x\"}]")));
    rows.add(row("top-level string", 400, () -> store("\"hello\"")));
    rows.add(row("top-level number", 400, () -> store("42")));
    rows.add(row("top-level null", 400, () -> store("null")));
    rows.add(row("invalid UTF-8 in a string", 400, () -> store(concat(
        utf8("{\"message\":\""), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28}, utf8("\"}")))));
    rows.add(row("overlong UTF-8 encoding of '/'", 400, () -> store(concat(
        utf8("{\"message\":\""), new byte[] {(byte) 0xc0, (byte) 0xaf}, utf8("\"}")))));
    rows.add(row("invalid UTF-8 in an envelope item header", 400, () -> envelope(concat(
        utf8("{}\n{\"type\":\"ev"), new byte[] {(byte) 0xff}, utf8("ent\"}\n{}\n")))));
    rows.add(stored("wrong-typed fields are repaired and recorded", () -> store("{\"message\":\"wrong\","
        + "\"exception\":42,\"tags\":\"x\",\"breadcrumbs\":7,\"user\":[1],\"request\":\"r\","
        + "\"contexts\":[],\"extra\":\"e\",\"level\":{\"a\":1},\"timestamp\":\"soon\","
        + "\"fingerprint\":{\"a\":1},\"modules\":3,\"sdk\":\"s\",\"threads\":\"t\",\"logentry\":5,"
        + "\"platform\":[\"x\"],\"release\":{\"v\":1},\"environment\":7}"),
        event -> assertThat(errorNames(event)).contains("exception", "tags", "breadcrumbs",
            "user", "request", "extra", "level", "timestamp")));
    rows.add(stored("exception as a number", () -> store("{\"exception\":42}"),
        event -> assertThat(errorNames(event)).contains("exception")));
    rows.add(stored("frames as a string", () -> store("{\"exception\":{\"values\":[{\"type\":\"E\","
        + "\"value\":\"v\",\"stacktrace\":{\"frames\":\"oops\"}}]}}"),
        event -> assertThat(errorNames(event)).anyMatch(n -> n.contains("frames"))));
    rows.add(row("lone UTF-16 surrogate escape in a key", 400,
        () -> store("{\"message\":\"k\",\"extra\":{\"\\udbff\":1}}")));
    rows.add(stored("lone UTF-16 surrogate escapes in values", () -> store(
        "{\"message\":\"\\ud800 then \\udc00x\",\"extra\":{\"k\":\"\\udfff\"},"
        + "\"tags\":{\"t\":\"\\ud800\"}}"), event -> readableThroughApi(event)));
    rows.add(row("UTF-8-encoded surrogate (CESU-8)", 400, () -> store(concat(
        utf8("{\"message\":\""), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, utf8("\"}")))));
    rows.add(stored("NUL and terminal escapes in strings", () -> store(
        "{\"message\":\"a\\u0000b\\u001b[31mred\",\"tags\":{\"k\\u0000\":\"v\\u0000\"}}"),
        event -> assertThat(event.path("logentry").toString()).contains("\\u0000")));
    rows.add(stored("NaN and Infinity (Python JSON)", () -> store("{\"message\":\"nan\","
        + "\"timestamp\":NaN,\"extra\":{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}}"),
        event -> {
          assertThat(event.path("extra").path("a").isNull()).isTrue();
          readableThroughApi(event);
        }));
    rows.add(stored("huge numbers", () -> store("{\"message\":\"big\",\"timestamp\":1e400,"
        + "\"level\":1e308,\"extra\":{\"i\":" + "9".repeat(999) + ",\"f\":1e-400,\"n\":-1e400},"
        + "\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[{\"lineno\":"
        + "9".repeat(40) + ",\"colno\":-1e300}]}}]}}"),
        event -> readableThroughApi(event)));
    rows.add(row("number literal over 1000 digits", 400,
        () -> store("{\"extra\":{\"n\":" + "1".repeat(5000) + "}}")));
    rows.add(stored("event_id that is not a UUID is replaced", () -> store(
        "{\"event_id\":\"<script>\",\"message\":\"id\"}"), event -> { }));

    // Nesting
    rows.add(row("deep nesting: 100,000 levels", 400,
        () -> store("{\"extra\":{\"x\":" + Hostile.nested(100_000) + "}}")));
    rows.add(row("deep nesting: 100,000 unclosed levels", 400, () -> store("{\"x\":" + "[".repeat(100_000))));
    rows.add(row("deep nesting in an envelope item header", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"x\":" + Hostile.nested(100_000) + "}\n{}\n")));
    rows.add(row("deep nesting in an envelope event payload", 400,
        () -> envelope("{}\n{\"type\":\"event\"}\n{\"x\":" + Hostile.nested(100_000) + "}\n")));
    rows.add(stored("nesting just under the limit in every free-form field", () -> store(nearLimit()),
        event -> readableThroughApi(event)));

    // Sizes
    rows.add(row("5 MB string field", 413, () -> store("{\"message\":\"" + "x".repeat(5_000_000) + "\"}")));
    rows.add(row("5 MB event in an envelope", 413,
        () -> envelope("{}\n{\"type\":\"event\"}\n{\"message\":\"" + "x".repeat(5_000_000) + "\"}\n")));
    rows.add(stored("900 KB string field is accepted and trimmed", () -> store(
        "{\"message\":\"" + "x".repeat(900_000) + "\"}"), event -> {
          assertThat(event.path("logentry").path("formatted").asText().length()).isLessThanOrEqualTo(8192);
          readableThroughApi(event);
        }));
    rows.add(stored("40,000 tags", () -> store("{\"message\":\"tags\",\"tags\":{"
        + Hostile.members(40_000, i -> "\"t" + i + "\":\"v\"") + "}}"), event -> { }));
    rows.add(stored("10,000 frames", () -> store("{\"exception\":{\"values\":[{\"type\":\"E\","
        + "\"stacktrace\":{\"frames\":[" + Hostile.members(10_000,
            i -> "{\"function\":\"f" + i + "\",\"lineno\":" + i + "}") + "]}}]}}"),
        event -> assertThat(event.path("exception").path("values").path(0).path("stacktrace")
            .path("frames").size()).isLessThanOrEqualTo(250)));
    rows.add(stored("10,000 breadcrumbs", () -> store("{\"message\":\"crumbs\",\"breadcrumbs\":["
        + Hostile.members(10_000, i -> "{\"timestamp\":1700000000,\"message\":\"m" + i + "\"}") + "]}"),
        event -> readableThroughApi(event)));
    rows.add(stored("5,000 chained exceptions", () -> store("{\"exception\":{\"values\":["
        + Hostile.members(5_000, i -> "{\"type\":\"E" + i + "\",\"value\":\"v\"}") + "]}}"),
        event -> readableThroughApi(event)));
    rows.add(stored("50,000 extra keys", () -> store("{\"message\":\"extra\",\"extra\":{"
        + Hostile.members(50_000, i -> "\"k" + i + "\":" + i) + "}}"), event -> { }));

    // Compression
    rows.add(row("corrupt gzip", 400, () -> store(utf8("not gzip at all"), "gzip")));
    rows.add(row("truncated gzip", 400, () -> store(truncate(Hostile.gzip(utf8(event("gz")))), "gzip")));
    rows.add(row("corrupt deflate", 400, () -> store(utf8("\u0078\u009cgarbage!"), "deflate")));
    rows.add(row("corrupt br", 400, () -> store(utf8("definitely not brotli"), "br")));
    rows.add(row("corrupt zstd", 400, () -> store(utf8("\u0028\u00b5\u002f\u00fdjunk"), "zstd")));
    rows.add(row("truncated zstd", 400, () -> store(truncate(Hostile.zstd(utf8(event("zs")))), "zstd")));
    rows.add(row("unknown content encoding", 400, () -> store(utf8(event("c")), "compress")));
    rows.add(row("gzip bomb: 200 MiB of zeros", 413, () -> store(Hostile.gzipZeros(200), "gzip")));
    rows.add(row("deflate bomb: 200 MiB of zeros", 413, () -> store(Hostile.deflateZeros(200), "deflate")));
    rows.add(row("brotli bomb: 200 MiB of zeros in 165 bytes", 413, () -> store(Hostile.BROTLI_BOMB, "br")));
    rows.add(row("zstd bomb: 120 MiB of zeros", 413, () -> store(Hostile.zstdZeros(120), "zstd")));
    rows.add(row("nested gzip bomb (gzip, gzip)", 413,
        () -> store(Hostile.gzip(Hostile.gzipZeros(200)), "gzip, gzip")));
    rows.add(row("2 MiB event inside a small gzip body", 413, () -> store(Hostile.gzip(utf8(
        "{\"message\":\"" + "y".repeat(2 * MIB) + "\"}")), "gzip")));
    rows.add(row("envelope bomb: a million tiny items, gzipped", 413, () -> envelope(
        Hostile.gzip(utf8("{}\n" + "{\"type\":\"x\"}\n\n".repeat(1_000_000))), "gzip")));

    // Envelope framing
    rows.add(row("envelope item length beyond the body", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"length\":500}\n{\"message\":\"a\"}\n")));
    rows.add(row("envelope item length 2^31", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"length\":2147483648}\n{}\n")));
    rows.add(row("envelope item length 2^64", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"length\":18446744073709551616}\n{}\n")));
    rows.add(row("envelope item length negative", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"length\":-1}\n{}\n")));
    rows.add(row("envelope item length as a string", 400,
        () -> envelope("{}\n{\"type\":\"event\",\"length\":\"2\"}\n{}\n")));
    rows.add(row("non-JSON envelope header", 400, () -> envelope("hello envelope\n{\"type\":\"event\"}\n{}\n")));
    rows.add(row("envelope header that is an array", 400, () -> envelope("[]\n{\"type\":\"event\"}\n{}\n")));
    rows.add(row("envelope header with CRLF", 400, () -> envelope("{}\r\n{\"type\":\"event\"}\r\n{}\r\n")));
    rows.add(row("envelope item header that is not JSON", 400, () -> envelope("{}\ntype=event\n{}\n")));
    rows.add(row("envelope item header without a type", 400, () -> envelope("{}\n{\"length\":2}\n{}\n")));
    rows.add(row("envelope with an internal item type", 400, () -> envelope("{}\n{\"type\":\"integration\"}\n{}\n")));
    rows.add(row("envelope header event_id not a UUID", 400,
        () -> envelope("{\"event_id\":\"xyz\"}\n{\"type\":\"event\"}\n{}\n")));
    rows.add(row("envelope event payload not JSON", 400, () -> envelope("{}\n{\"type\":\"event\"}\nnot json\n")));
    rows.add(row("envelope event payload an array", 400, () -> envelope("{}\n{\"type\":\"event\"}\n[1,2]\n")));
    rows.add(row("two event items", 413,
        () -> envelope("{}\n{\"type\":\"event\"}\n{\"message\":\"a\"}\n{\"type\":\"event\"}\n{\"message\":\"b\"}\n")));
    rows.add(row("event and transaction items", 413,
        () -> envelope("{}\n{\"type\":\"event\"}\n{\"message\":\"a\"}\n{\"type\":\"transaction\"}\n{}\n")));
    rows.add(row("envelope dsn of another project id", 400, () -> envelopeNoAuth(
        "{\"dsn\":\"http://" + key.publicKey() + "@127.0.0.1/999999\"}\n{\"type\":\"event\"}\n{}\n")));
    rows.add(row("envelope with a malformed dsn and no other auth", 401,
        () -> envelopeNoAuth("{\"dsn\":\"not a dsn\"}\n{\"type\":\"event\"}\n{}\n")));

    // Empty bodies and bodies over the limits
    rows.add(row("empty store body", 400, () -> store("")));
    rows.add(row("whitespace-only store body", 400, () -> store("  \n\t ")));
    rows.add(row("empty envelope body", 400, () -> envelope("")));
    rows.add(row("body over 20 MiB (Content-Length)", 413, () -> raw(storePath(),
        "Content-Length: " + (21 * MIB) + "\r\n", new byte[21 * MIB])));
    rows.add(row("chunked body over 20 MiB", 413, () -> raw(storePath(),
        "Transfer-Encoding: chunked\r\n", chunked(new byte[21 * MIB]))));
    rows.add(row("Content-Length larger than the body, then EOF", 400, this::shortBody));

    // Projects, keys and protocol versions
    rows.add(row("unknown project id", 403, () -> store("/api/999999/store/", auth(key.publicKey(), "7"), event("p"))));
    rows.add(row("non-numeric project id", 400, () -> store("/api/abc/store/", auth(key.publicKey(), "7"), event("p"))));
    rows.add(row("project id zero", 400, () -> store("/api/0/store/", auth(key.publicKey(), "7"), event("p"))));
    rows.add(row("negative project id", 400, () -> store("/api/-1/store/", auth(key.publicKey(), "7"), event("p"))));
    rows.add(row("project id beyond 64 bits", 400,
        () -> store("/api/99999999999999999999999/store/", auth(key.publicKey(), "7"), event("p"))));
    rows.add(row("wrong key", 403, () -> store(storePath(), auth("0".repeat(32), "7"), event("k"))));
    rows.add(row("SQL in the key", 403, () -> store(storePath(), auth("x' OR '1'='1", "7"), event("k"))));
    rows.add(row("10 KB key (headers over Jetty's 8 KiB)", 431, () -> store(storePath(), auth("a".repeat(10_000), "7"), event("k"))));
    rows.add(row("inactive key", 403, this::inactiveKey));
    rows.add(row("key of another project", 403,
        () -> store(storePath(), auth(server.key(server.newProject()).publicKey(), "7"), event("k"))));
    rows.add(row("no auth", 401, () -> store(storePath(), null, event("a"))));
    rows.add(row("auth header without a key", 401, () -> store(storePath(), "Sentry sentry_version=7", event("a"))));
    rows.add(row("auth header of another scheme", 401, () -> store(storePath(), "Bearer abc", event("a"))));
    rows.add(row("two different keys (header and query)", 401,
        () -> store(storePath() + "?sentry_key=" + "1".repeat(32), auth(key.publicKey(), "7"), event("a"))));
    rows.add(row("future sentry_version", 400, () -> store(storePath(), auth(key.publicKey(), "8"), event("v"))));
    rows.add(row("huge sentry_version", 400, () -> store(storePath(), auth(key.publicKey(), "99999"), event("v"))));
    rows.add(row("non-numeric sentry_version", 401, () -> store(storePath(), auth(key.publicKey(), "seven"), event("v"))));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @Order(1)
  void hostileRequest(Row row) {
    long start = System.nanoTime();
    Answer answer = row.request().get();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    report.add(String.format("%-60s %d (expected %d) %6d ms", row.name(), answer.status(), row.status(), millis));
    assertThat(answer.status()).as(row.name() + ": " + abbreviate(answer.body())).isEqualTo(row.status());
    if (answer.status() != 200) {
      assertThat(detail(answer)).as("detail of " + row.name()).isNotBlank();
    }
    row.check().accept(answer);
    assertThat(Duration.ofMillis(millis)).as("time of " + row.name()).isLessThan(ROW_BUDGET);
    assertThat(health()).as("/_health/ after " + row.name()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void stalledUploads_areCutOffByTheIdleTimeout_whileOthersAreServed() throws Exception {
    for (CompletableFuture<String> upload : stalled) {
      String outcome = upload.get(90, TimeUnit.SECONDS);
      report.add("stalled upload: " + outcome);
      assertThat(outcome).startsWith("closed after");
      int seconds = Integer.parseInt(outcome.replaceAll("closed after (\\d+) s.*", "$1"));
      assertThat(seconds).as("idle timeout").isLessThanOrEqualTo(45);
    }
  }

  @Test
  @Order(3)
  void validEventsSentDuringTheBattery_wereAllAcknowledgedAndStored() throws Exception {
    sending.set(false);
    sender.get(60, TimeUnit.SECONDS);
    report.add("background events acknowledged: " + sentIds.size() + ", failures: " + senderFailures);
    assertThat(senderFailures).isEmpty();
    assertThat(sentIds).hasSizeGreaterThan(20);
    for (String id : sentIds) {
      assertThat(server.app().storage().events().find(project.id(), new EventId(id))).as(id).isPresent();
    }
  }

  @Test
  @Order(4)
  void retainedHeap_staysBounded() {
    long after = retainedHeap();
    long growth = after - heapBefore;
    long peak = peakUsed.get();
    report.add(String.format("heap after GC: before %d MiB, after %d MiB, growth %d MiB; "
        + "peak sampled heap in use (garbage included) %d MiB (max %d MiB)",
        heapBefore / MIB, after / MIB, growth / MIB, peak / MIB, Runtime.getRuntime().maxMemory() / MIB));
    assertThat(growth).as("retained heap growth in bytes").isLessThan(RETAINED_GROWTH_LIMIT);
  }

  // ---------------------------------------------------------------------------------------------
  // Rows

  Row row(String name, int status, Supplier<Answer> request) {
    return new Row(name, status, request, answer -> { });
  }

  /** A row answered 200 whose stored event must pass {@code check}. */
  Row stored(String name, Supplier<Answer> request, Consumer<JsonNode> check) {
    return new Row(name, 200, request, answer -> check.accept(storedEvent(answer)));
  }

  String storePath() {
    return "/api/" + project.id() + "/store/";
  }

  String envelopePath() {
    return "/api/" + project.id() + "/envelope/";
  }

  static String auth(String publicKey, String version) {
    return "Sentry sentry_key=" + publicKey + ", sentry_version=" + version + ", sentry_client=hostile/1.0";
  }

  static String event(String message) {
    return "{\"message\":\"" + message + "\"}";
  }

  Answer store(String body) {
    return store(utf8(body), null);
  }

  Answer store(byte[] body) {
    return store(body, null);
  }

  Answer store(byte[] body, String encoding) {
    HttpRequest.Builder request = post(storePath(), auth(key.publicKey(), "7"), body)
        .header("Content-Type", "application/json");
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return send(request.build());
  }

  Answer store(String path, String auth, String body) {
    return send(post(path, auth, utf8(body)).header("Content-Type", "application/json").build());
  }

  Answer envelope(String body) {
    return envelope(utf8(body), null);
  }

  Answer envelope(byte[] body) {
    return envelope(body, null);
  }

  Answer envelope(byte[] body, String encoding) {
    HttpRequest.Builder request = post(envelopePath(), auth(key.publicKey(), "7"), body);
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return send(request.build());
  }

  Answer envelopeNoAuth(String body) {
    return send(post(envelopePath(), null, utf8(body)).build());
  }

  HttpRequest.Builder post(String path, String auth, byte[] body) {
    HttpRequest.Builder request = server.request(path).POST(BodyPublishers.ofByteArray(body));
    if (auth != null) {
      request.header("X-Sentry-Auth", auth);
    }
    return request;
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer raw(String path, String extraHeaders, byte[] body) {
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "X-Sentry-Auth: " + auth(key.publicKey(), "7") + "\r\n" + extraHeaders + "\r\n";
    Hostile.RawResponse response = Hostile.exchange(server.app().port(), head, body, 30_000);
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().forEach((k, v) -> headers.put(k, List.of(v)));
    return new Answer(response.status(), headers, response.body());
  }

  Answer inactiveKey() {
    Project other = server.newProject();
    ProjectKey otherKey = server.key(other);
    server.app().storage().projects().setKeyActive(otherKey.id(), false);
    return store("/api/" + other.id() + "/store/", auth(otherKey.publicKey(), "7"), event("inactive"));
  }

  /** Announces 1000 bytes, sends 10, half-closes: the server sees an early end of the body. */
  Answer shortBody() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.app().port()), 5000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + storePath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
          + "X-Sentry-Auth: " + auth(key.publicKey(), "7") + "\r\n\r\n{\"message\"").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      Hostile.RawResponse response = Hostile.read(socket.getInputStream());
      Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      response.headers().forEach((k, v) -> headers.put(k, List.of(v)));
      return new Answer(response.status(), headers, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] chunked(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length + 4096);
    int chunk = 64 * 1024;
    for (int off = 0; off < body.length; off += chunk) {
      int n = Math.min(chunk, body.length - off);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, off, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] truncate(byte[] data) {
    return java.util.Arrays.copyOf(data, data.length / 2);
  }

  /** Nesting of 990 levels inside every free-form field (the parser's limit is 1000). */
  static String nearLimit() {
    String deep = Hostile.nested(990);
    return "{\"message\":\"deep\",\"extra\":{\"x\":" + deep + "},\"contexts\":{\"c\":{\"x\":" + deep + "}},"
        + "\"request\":{\"url\":\"http://x/\",\"data\":" + deep + "},\"user\":{\"id\":\"u\",\"data\":" + deep + "},"
        + "\"breadcrumbs\":[{\"timestamp\":1700000000,\"data\":{\"x\":" + deep + "}}],"
        + "\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[{\"function\":\"f\","
        + "\"vars\":{\"x\":" + deep + "}}]}}]},\"unknown_key\":" + deep + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Reading back

  JsonNode storedEvent(Answer answer) {
    assertThat(answer.status()).as(abbreviate(answer.body())).isEqualTo(200);
    String id = json(answer.body()).path("id").asText();
    byte[] payload = server.app().storage().events().find(project.id(), new EventId(id)).orElseThrow().payload();
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void readableThroughApi(JsonNode event) {
    String path = "/api/0/projects/" + server.organizationOf(project).slug() + "/" + project.slug()
        + "/events/" + event.path("event_id").asText() + "/";
    HttpResponse<String> response = server.get(path, "Bearer " + token);
    assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(200);
    assertThat(json(response.body()).path("eventID").asText()).isEqualTo(event.path("event_id").asText());
  }

  static List<String> errorNames(JsonNode event) {
    List<String> names = new ArrayList<>();
    event.path("errors").forEach(e -> names.add(e.path("name").asText()));
    return names;
  }

  static String detail(Answer answer) {
    return json(answer.body()).path("detail").asText("");
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }

  int health() {
    return server.get("/_health/", null).statusCode();
  }

  // ---------------------------------------------------------------------------------------------
  // Background traffic: valid events and stalled uploads

  void sendValidEventsUntilStopped() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 100_000 && sending.get(); i++) {
      HttpRequest request = server.request(storePath())
          .header("X-Sentry-Auth", auth(key.publicKey(), "7"))
          .POST(BodyPublishers.ofString("{\"message\":\"valid " + i + "\",\"level\":\"info\"}")).build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          sentIds.add(json(response.body()).path("id").asText());
        } else {
          senderFailures.add(i + ": " + response.statusCode() + " " + abbreviate(response.body()));
        }
        Thread.sleep(25);
      } catch (IOException e) {
        senderFailures.add(i + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends headers announcing 1000 bytes and 10 of them, then stalls; returns what the server did. */
  String stallUpload() {
    return stall("POST " + storePath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n"
        + "X-Sentry-Auth: " + auth(key.publicKey(), "7") + "\r\n\r\n{\"message\"");
  }

  /** Sends half a request head and stalls. */
  String stallHeaders() {
    return stall("POST " + storePath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sentry-");
  }

  private String stall(String prefix) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.app().port()), 5000);
      socket.setSoTimeout(75_000);
      socket.getOutputStream().write(prefix.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(4096);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      String firstLine = new String(answer, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("nothing");
      return "closed after " + seconds + " s, answer: " + firstLine;
    } catch (java.net.SocketTimeoutException e) {
      return "still open after 75 s";
    } catch (IOException e) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      return "closed after " + seconds + " s (" + e.getMessage() + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Memory

  /** Heap in use after full collections: what requests left behind, not transient garbage. */
  static long retainedHeap() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Runtime rt = Runtime.getRuntime();
      min = Math.min(min, rt.totalMemory() - rt.freeMemory());
    }
    return min;
  }
}

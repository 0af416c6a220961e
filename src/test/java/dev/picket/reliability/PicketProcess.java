package dev.picket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged {@code target/picket.jar} run as a real OS process: {@code serve} on a free
 * loopback port (SQLite in a data folder, or PostgreSQL with a database URL), and one-shot CLI
 * commands against the same storage. The jar is found through the {@code picket.jar} system
 * property that failsafe sets (profile {@code reliability}); it exists because failsafe runs after
 * {@code package}.
 */
final class PicketProcess implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** The servers' stderr, kept after the test for diagnosis (CI archives target/). */
  static final Path LOGS = Path.of(System.getProperty("picket.reliability.logs", "target/reliability-logs"));

  private final Process process;
  private final int port;
  private final Path log;
  private final CompletableFuture<String> dsn = new CompletableFuture<>();

  private PicketProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    Thread reader = new Thread(this::readStdout, "picket-stdout-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  /** Where a Picket keeps its data: a SQLite folder, or a PostgreSQL URL (the folder then stays empty). */
  record Storage(Path dataDir, String databaseUrl) {
    static Storage sqlite(Path dataDir) {
      return new Storage(dataDir, null);
    }

    static Storage postgres(Path dataDir, String databaseUrl) {
      return new Storage(dataDir, databaseUrl);
    }

    List<String> flags() {
      List<String> flags = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
      if (databaseUrl != null) {
        flags.addAll(List.of("--database-url", databaseUrl));
      }
      return flags;
    }
  }

  /** Starts {@code serve} without waiting for it; {@link #awaitDsn} waits. */
  static PicketProcess launch(Storage storage) {
    int port = freePort();
    List<String> command = java("-Xmx256m");
    command.add("serve");
    command.addAll(List.of("--port", String.valueOf(port), "--url", "http://127.0.0.1:" + port));
    command.addAll(storage.flags());
    Path log = LOGS.resolve("serve-" + port + "-" + System.currentTimeMillis() + ".log");
    try {
      Files.createDirectories(LOGS);
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new PicketProcess(process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  /** Starts {@code serve} and waits until it has printed its DSN (so it accepts requests). */
  static PicketProcess start(Storage storage) {
    PicketProcess picket = launch(storage);
    picket.awaitDsn();
    return picket;
  }

  /** Runs a CLI command against the storage and returns the last line of its stdout. */
  static String cli(Storage storage, String... args) {
    // a one-shot command: C1 only and serial GC start faster on a small, busy machine
    List<String> command = java("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    command.addAll(List.of(args));
    command.addAll(storage.flags());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("picket %s finished", args[0]).isTrue();
      assertThat(process.exitValue()).as("picket %s exit code; output:%n%s", String.join(" ", args), out).isZero();
      List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
      return lines.get(lines.size() - 1).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the {@code DSN:} line; fails with the server's log when it does not come. */
  String awaitDsn() {
    try {
      return dsn.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly();
      throw new AssertionError("Picket printed no DSN; its log:\n" + log(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The public key of the default project's DSN. */
  String publicKey() {
    String line = awaitDsn();
    return line.substring(line.indexOf("//") + 2, line.indexOf('@'));
  }

  /** SIGKILL: no shutdown hook, no drain; waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the shutdown hook drains and exits; returns the exit code. */
  int terminate() {
    process.destroy();
    return waitForExit();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("Picket did not exit within 60 s; its log:\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void readStdout() {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("DSN: ")) {
          dsn.complete(line.substring("DSN: ".length()).trim());
        }
      }
    } catch (IOException e) {
      // the process is gone; a missing DSN is reported by awaitDsn
    }
    dsn.completeExceptionally(new IllegalStateException("stdout closed before a DSN line"));
  }

  private static List<String> java(String... jvmOptions) {
    Path jar = Path.of(System.getProperty("picket.jar", "target/picket.jar"));
    assertThat(jar).as("the packaged jar; run these tests with `./test -Preliability` (failsafe, after package)")
        .exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-jar", jar.toString()));
    return command;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process if a test left it running. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}

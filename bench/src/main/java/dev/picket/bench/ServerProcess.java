package dev.picket.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Picket as a real process: {@code java -Xmx512m -XX:+UseSerialGC -jar picket.jar serve} on a free
 * loopback port and a fresh data folder, its DSN read from stdout, its memory read from
 * {@code /proc/<pid>/status}. The CLI commands run against the same data folder (or database).
 */
final class ServerProcess implements AutoCloseable {
  private final Options options;
  private final Path dataDir;
  private final int port;
  private final Process process;
  private final long startedNanos;
  private final CompletableFuture<String> dsn = new CompletableFuture<>();

  ServerProcess(Options options, Path dataDir) throws IOException {
    this.options = options;
    this.dataDir = dataDir;
    this.port = freePort();
    List<String> cmd = java();
    cmd.addAll(options.serverJvmOpts());
    cmd.addAll(List.of("-jar", options.jar().toString(), "serve", "--port", String.valueOf(port)));
    cmd.addAll(storageArgs());
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectError(dataDir.resolve("server.log").toFile());
    this.startedNanos = System.nanoTime();
    this.process = pb.start();
    Thread reader = new Thread(this::readStdout, "server-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  long startedNanos() {
    return startedNanos;
  }

  /** The DSN printed on start ({@code DSN: http://key@host:port/1}); waits up to {@code seconds}. */
  String dsn(int seconds) throws Exception {
    return dsn.get(seconds, TimeUnit.SECONDS);
  }

  /** VmRSS or VmHWM of the server in MB, from /proc. */
  double memoryMb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Double.NaN;
  }

  /** CPU seconds (user + system) the server has used so far, from /proc/<pid>/stat. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime; USER_HZ = 100
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a Picket CLI command against the same storage; returns the last line of its stdout. */
  String cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = java();
    cmd.addAll(List.of("-jar", options.jar().toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(storageArgs());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("picket " + String.join(" ", args) + " failed: " + out);
    }
    return out.substring(out.lastIndexOf('\n') + 1).strip();
  }

  /** SIGTERM (Picket drains the writer and closes the database), then waits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private List<String> java() {
    return new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC"));
  }

  private List<String> storageArgs() {
    return options.postgres() == null
        ? List.of("--data-dir", dataDir.toString())
        : List.of("--database-url", options.postgres());
  }

  private void readStdout() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("DSN: ")) {
          dsn.complete(line.substring(5).trim());
        }
      }
      dsn.completeExceptionally(new IOException("the server exited before printing its DSN; see "
          + dataDir.resolve("server.log")));
    } catch (IOException e) {
      dsn.completeExceptionally(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

package dev.picket.cli;

import dev.picket.App;
import dev.picket.config.Config;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code picket serve}: starts the server and prints the default project's DSN. */
@Command(name = "serve", description = "Start the Picket server.")
final class ServeCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Override
  public void run() {
    Config config = options.load();
    App app = App.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
      Runtime.getRuntime().halt(0); // SIGTERM after a clean drain is a successful stop

    }, "picket-shutdown"));
    String dsn = app.defaultDsn();
    System.out.println("Picket is listening on port " + app.port() + " (" + storageName(config) + ").");
    System.out.println("DSN: " + dsn);
    System.out.println("Send a test event: curl -X POST '" + config.baseUrl() + "/api/"
        + dsn.substring(dsn.lastIndexOf('/') + 1) + "/store/?sentry_key="
        + dsn.substring(dsn.indexOf("//") + 2, dsn.indexOf('@'))
        + "' -H 'Content-Type: application/json' -d '{\"message\": \"hello from curl\"}'");
    System.out.println("Create a user and an API token: ./picket createuser --email you@example.com "
        + "--password secret --superuser && ./picket token create --user you@example.com "
        + "--scopes project:read,project:write,event:read,org:read");
    System.out.flush();
    awaitQuietly(stopped);
  }

  private static String storageName(Config config) {
    return config.databaseUrl() == null
        ? "SQLite in " + config.dataDir().toAbsolutePath().normalize()
        : "PostgreSQL";
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

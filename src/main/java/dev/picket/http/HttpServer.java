package dev.picket.http;

import io.javalin.Javalin;
import java.util.List;

/** The HTTP server: Javalin on Jetty with the route table, the error mapper and security headers. */
public final class HttpServer implements AutoCloseable {
  /** The largest request body Javalin reads (sentry-cli's chunk uploads are told this limit). */
  public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;

  private final Javalin javalin;

  public HttpServer(int port, Routes.Handlers handlers) {
    this.javalin = Javalin.create(config -> {
      config.jetty.port = port;
      config.startup.showJavalinBanner = false;
      config.router.ignoreTrailingSlashes = true;
      config.router.treatMultipleSlashesAsSingleSlash = true;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      // Jetty's connector idle timeout (30 s by default) also bounds blocking body reads, so a
      // client that stalls mid-upload gets 400 after 30 s (HostileRequestsTest pins this).
      config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(SecurityHeaders.customizer()));
      config.jetty.modifyServer(server -> server.setErrorHandler(new SecurityHeaders.JsonErrors()));
      ErrorMapper.register(config);
      Routes.register(config.routes, handlers);
    });
  }

  public HttpServer start() {
    javalin.start();
    return this;
  }

  /**
   * Every HTTP route as {@code "METHOD /path"}, in registration order: what {@code
   * /api/0/openapi.json} must describe (checked by a test).
   */
  public List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .toList();
  }

  /** The port actually bound (useful when started on port 0). */
  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}

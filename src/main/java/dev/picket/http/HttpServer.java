package dev.picket.http;

import io.javalin.Javalin;

/** The HTTP server: Javalin on Jetty with the route table and the error mapper. */
public final class HttpServer implements AutoCloseable {
  private final Javalin javalin;

  public HttpServer(int port, Routes.Handlers handlers) {
    this.javalin = Javalin.create(config -> {
      config.jetty.port = port;
      config.startup.showJavalinBanner = false;
      config.router.ignoreTrailingSlashes = true;
      config.router.treatMultipleSlashesAsSingleSlash = true;
      config.http.maxRequestSize = 20L * 1024 * 1024;
      ErrorMapper.register(config);
      Routes.register(config.routes, handlers);
    });
  }

  public HttpServer start() {
    javalin.start();
    return this;
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

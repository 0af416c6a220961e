package dev.picket.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.admin.Refused;
import dev.picket.auth.AuthException;
import dev.picket.ingest.Rejection;
import dev.picket.issues.InvalidIssueRequest;
import dev.picket.model.NotFound;
import dev.picket.protocol.ProtocolException;
import dev.picket.storage.Conflict;
import dev.picket.releases.InvalidUpload;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where typed errors become responses: Sentry-shaped {@code {"detail": ...}} bodies
 * with the right status, {@code Retry-After} for overload, {@code WWW-Authenticate} for 401, and
 * 500 for everything unexpected (logged once, never echoing internals).
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static void register(JavalinConfig config) {
    config.routes.exception(Exception.class, (e, ctx) -> handle(unwrap(e), ctx));
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static void handle(Throwable e, Context ctx) {
    if (e instanceof Rejection r) {
      if (r.retryAfterSeconds() != null) {
        ctx.header("Retry-After", String.valueOf(r.retryAfterSeconds()));
      }
      if (r.rateLimits() != null) {
        ctx.header("X-Sentry-Rate-Limits", r.rateLimits());
      }
      ingestError(ctx, r.status(), r.detail(), r.causes());
    } else if (e instanceof ProtocolException p) {
      ingestError(ctx, p.status(), p.detail(), p.causes());
    } else if (e instanceof AuthException a) {
      if (a.status() == 401) {
        ctx.header("WWW-Authenticate", "xBasic realm=\"api\"");
      }
      Json.detail(ctx, a.status(), a.detail());
    } else if (e instanceof NotFound n) {
      Json.detail(ctx, 404, n.detail());
    } else if (e instanceof BadRequest b) {
      Json.detail(ctx, 400, b.getMessage());
    } else if (e instanceof Refused r) {
      Json.write(ctx, r.status(), Json.object().put(r.field(), r.getMessage()));
    } else if (e instanceof Conflict c) {
      Json.detail(ctx, 409, c.getMessage());
    } else if (e instanceof InvalidIssueRequest b) {
      Json.detail(ctx, 400, b.detail());
    } else if (e instanceof InvalidUpload u) {
      Json.detail(ctx, 400, u.detail());
    } else {
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      Json.detail(ctx, 500, "Internal Error");
    }
  }

  private static void ingestError(Context ctx, int status, String detail, List<String> causes) {
    ObjectNode body = Json.object().put("detail", detail);
    if (!causes.isEmpty()) {
      ArrayNode list = body.putArray("causes");
      causes.forEach(list::add);
    }
    ctx.header("X-Sentry-Error", detail);
    Json.write(ctx, status, body);
  }
}

package dev.picket.http.api;

import dev.picket.auth.IssueGate;
import dev.picket.http.Json;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Organization lists Picket keeps nothing in yet ({@code repos/}, {@code monitors/}): an empty
 * list after the usual organization checks, so sentry-cli's {@code repos list} and
 * {@code monitors list} work.
 */
public final class EmptyListHandler {
  /** OrganizationPermission, GET. */
  private static final Set<String> ORG_READ = Set.of("org:read", "org:write", "org:admin");

  private final Requester requester;
  private final IssueGate orgGate;

  public EmptyListHandler(Requester requester, IssueGate orgGate) {
    this.requester = requester;
    this.orgGate = orgGate;
  }

  public void handle(Context ctx) {
    orgGate.openOrganization(requester.of(ctx), ctx.pathParam("org"), ORG_READ);
    Json.write(ctx, 200, Json.object().arrayNode());
  }
}

package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.grouping.EventMetadata;
import ua_parser.Client;

/**
 * Turns an SDK payload into Picket's stored event (Sentry's snake_case schema, see
 * {@code docs/event-schema.md}). Runs one step per concern in Relay's order; bad SDK data is
 * repaired and recorded in {@code errors}, never thrown. Thread-safe once constructed.
 */
public final class Normalizer {
  private final UserAgents userAgents;

  /** Builds the User-Agent parser once (expensive). */
  public Normalizer() {
    this.userAgents = new UserAgents();
  }

  /**
   * Normalizes {@code raw} (not modified). A non-object payload is treated as {@code {}} plus an
   * error. Never throws for bad SDK data.
   */
  public ObjectNode normalize(JsonNode raw, IngestContext ctx) {
    EventErrors errors = new EventErrors();
    ObjectNode in;
    if (raw != null && raw.isObject()) {
      in = (ObjectNode) raw.deepCopy();
    } else {
      in = Json.obj();
      errors.invalidData("event", raw == null || raw.isMissingNode() ? null : raw,
          "expected an event object");
    }
    TopLevelKeys.renameAliases(in);
    ObjectNode out = Json.obj();
    EventIds.apply(in, out, ctx, errors);
    double shift = Timestamps.apply(in, out, ctx, errors);
    Attributes.platform(in, out, errors);
    Attributes.level(in, out, errors);
    Attributes.logger(in, out, errors);
    out.put("type", "default");
    Attributes.shortText(in, out, "culprit", Trimming.CULPRIT, errors);
    Attributes.shortText(in, out, "transaction", Trimming.TRANSACTION, errors);
    Attributes.release(in, out, errors);
    Attributes.dist(in, out, errors);
    Attributes.environment(in, out, errors);
    Messages.apply(in, out, errors);
    interfaces(in, out, shift, errors);
    if (ctx.sentry9Frames()) {
      FrameDefaults.apply(out);
    }
    Requests.apply(in, out, ctx.clientIp(), errors);
    Users.apply(in, out, ctx.clientIp(), errors);
    Contexts.apply(in, out, errors);
    boolean sdkSentContexts = out.has("contexts");
    Client ua = userAgents.parse(out);
    if (sdkSentContexts) {
      UserAgents.addContexts(out, ua);
    }
    Tags.apply(in, out, errors);
    Extras.extra(in, out, errors);
    Extras.modules(in, out, errors);
    Extras.sdk(in, out, errors);
    Extras.fingerprint(in, out, errors);
    Extras.checksum(in, out, errors);
    TopLevelKeys.passThrough(in, out);
    out.put("type", eventType(out));
    EventMetadata.apply(out);
    DerivedTags.apply(out, sdkSentContexts, ua);
    TopLevelKeys.reportUnknown(in, errors);
    out.set("errors", errors.toArray());
    return out;
  }

  private static void interfaces(ObjectNode in, ObjectNode out, double shift, EventErrors errors) {
    ObjectNode stacktrace = Stacktraces.normalize(in.get("stacktrace"), "stacktrace", errors);
    boolean moved = Exceptions.apply(in, out, stacktrace, errors);
    if (stacktrace != null && !moved) {
      out.set("stacktrace", stacktrace);
    }
    Threads.apply(in, out, errors);
    Templates.apply(in, out, errors);
    Breadcrumbs.apply(in, out, shift, errors);
  }

  private static String eventType(ObjectNode out) {
    if (out.path("exception").path("values").size() > 0) {
      return "error";
    }
    for (String security : new String[] {"csp", "hpkp", "expectct", "expectstaple"}) {
      if (out.has(security)) {
        return security;
      }
    }
    return "default";
  }
}

package dev.picket.ingest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One ingest HTTP request as the handlers read it: the endpoint, the raw project id from the
 * path, the auth-bearing headers and query, the body stream and the connection's client IP.
 */
public record IngestRequest(
    Endpoint endpoint,
    String projectId,
    String xSentryAuth,
    String authorization,
    Map<String, List<String>> query,
    String contentType,
    String contentEncoding,
    String clientIp,
    InputStream body) {

  /** The ingest endpoints: SDK events (store, envelope) and browser security reports. */
  public enum Endpoint {
    STORE,
    ENVELOPE,
    SECURITY
  }

  public boolean isEnvelope() {
    return endpoint == Endpoint.ENVELOPE
        || (contentType != null && contentType.startsWith("application/x-sentry-envelope"));
  }
}

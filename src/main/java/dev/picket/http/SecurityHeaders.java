package dev.picket.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers every response carries, added in one place: a Jetty customizer puts them
 * on each parsed request's response (routes, 404s, errors alike), and {@link JsonErrors} puts them
 * on the answers Jetty gives by itself (431 header too large, 400 bad request line) together with
 * a {@code {"detail": ...}} body instead of an HTML page. Every response today is JSON, so the CSP
 * forbids everything; HTML pages will need their own, still strict, policy.
 */
public final class SecurityHeaders {
  public static final Map<String, String> HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "deny",
      "Referrer-Policy", "no-referrer",
      "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

  private SecurityHeaders() {}

  /** The customizer to add to the connector's HTTP configuration. */
  public static HttpConfiguration.Customizer customizer() {
    return (request, responseHeaders) -> {
      addTo(responseHeaders);
      return request;
    };
  }

  static void addTo(HttpFields.Mutable headers) {
    HEADERS.forEach(headers::put);
  }

  /** Jetty's own error answers as {@code {"detail": <reason>}} JSON with the security headers. */
  public static final class JsonErrors extends ErrorHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Object message = request.getAttribute(ERROR_MESSAGE);
      String detail = message == null ? "request refused" : message.toString();
      addTo(response.getHeaders());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(ERROR_CACHE_CONTROL);
      response.write(true, ByteBuffer.wrap(body(detail)), callback);
      return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      addTo(fields);
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      return ByteBuffer.wrap(body(reason == null ? "bad request" : reason));
    }

    private static byte[] body(String detail) {
      try {
        return MAPPER.writeValueAsBytes(Map.of("detail", detail));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

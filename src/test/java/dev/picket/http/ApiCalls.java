package dev.picket.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.support.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Web-API calls with any method and a JSON body, for the key and token tests. */
final class ApiCalls {
  static final ObjectMapper JSON = new ObjectMapper();

  private ApiCalls() {}

  static HttpResponse<String> call(TestServer server, String method, String path, String token, String body) {
    HttpRequest.Builder request = server.request(path)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
    return server.send(request.build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}

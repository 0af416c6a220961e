package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.support.SqliteServerTest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the routes the server has. */
class OpenApiTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

  @Test
  void openApiDocument_describesEveryRouteAndNothingElse() throws Exception {
    HttpResponse<String> response = server.get("/api/0/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode document = JSON.readTree(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.");

    Set<String> documented = new TreeSet<>();
    Iterator<String> paths = document.get("paths").fieldNames();
    while (paths.hasNext()) {
      String path = paths.next();
      Iterator<String> methods = document.get("paths").get(path).fieldNames();
      while (methods.hasNext()) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        if (METHODS.contains(method)) {
          documented.add(method + " " + path);
        }
      }
    }
    Set<String> served = new TreeSet<>();
    for (String route : server.app().routes()) {
      if (METHODS.contains(route.substring(0, route.indexOf(' ')))) {
        served.add(route);
      }
    }
    assertThat(documented).as("documented but not served: %s; served but not documented: %s",
        minus(documented, served), minus(served, documented)).isEqualTo(served);
  }

  @Test
  void everyOperation_saysWhichScopesItNeeds() throws Exception {
    JsonNode paths = JSON.readTree(server.get("/api/0/openapi.json", null).body()).get("paths");
    for (JsonNode path : paths) {
      for (JsonNode operation : path) {
        assertThat(operation.has("summary")).as(operation.toString()).isTrue();
        assertThat(operation.has("x-scopes")).as(operation.toString()).isTrue();
      }
    }
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}

package dev.picket.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads events back through the seed endpoint
 * {@code GET /api/0/projects/{org}/{project}/events/{id}/} with a user token, a few in parallel.
 */
final class EventReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 4;

  /** The events found (id to issue id, Sentry's {@code groupID}) and the ids that were not (id to status). */
  record Reads(Map<String, String> issueOf, Map<String, Integer> missing) {}

  private final String baseUrl;
  private final String org;
  private final String project;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  EventReader(String baseUrl, String org, String project, String token) {
    this.baseUrl = baseUrl;
    this.org = org;
    this.project = project;
    this.token = token;
  }

  Reads readAll(Collection<String> eventIds) throws Exception {
    Map<String, String> found = new ConcurrentHashMap<>();
    Map<String, Integer> missing = new ConcurrentHashMap<>();
    List<String> ids = List.copyOf(eventIds);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t;
        parts.add(pool.submit(() -> {
          for (int i = first; i < ids.size(); i += THREADS) {
            read(ids.get(i), found, missing);
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Reads(new TreeMap<>(found), new TreeMap<>(missing));
  }

  private void read(String eventId, Map<String, String> found, Map<String, Integer> missing)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(
            baseUrl + "/api/0/projects/" + org + "/" + project + "/events/" + eventId + "/"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      missing.put(eventId, response.statusCode());
      return;
    }
    JsonNode event = JSON.readTree(response.body());
    if (!eventId.equals(event.path("eventID").asText())) {
      missing.put(eventId, -1);
      return;
    }
    found.put(eventId, event.path("groupID").asText());
  }
}

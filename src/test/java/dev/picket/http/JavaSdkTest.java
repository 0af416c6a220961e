package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.model.Project;
import dev.picket.model.Role;
import dev.picket.support.SqliteServerTest;
import io.sentry.Sentry;
import io.sentry.protocol.SentryId;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The real Java SDK (io.sentry:sentry) sends to Picket by DSN; its events read back. */
class JavaSdkTest extends SqliteServerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exceptionAndMessage_sentByTheJavaSdk_readBackThroughTheSeedEndpoint() throws Exception {
    Project project = server.newProject();
    Sentry.init(options -> {
      options.setDsn(server.dsn(project));
      options.setRelease("picket-test@1.0.0");
      options.setEnvironment("test");
      options.setEnableUncaughtExceptionHandler(false);
      options.setEnableShutdownHook(false);
    });
    SentryId exceptionId;
    SentryId messageId;
    try {
      exceptionId = Sentry.captureException(new IllegalStateException("the widget broke",
          new IllegalArgumentException("bad widget id")));
      messageId = Sentry.captureMessage("hello from the Java SDK");
      Sentry.flush(10_000);
    } finally {
      Sentry.close();
    }

    JsonNode error = read(project, exceptionId.toString());
    assertThat(error.get("type").asText()).isEqualTo("error");
    JsonNode exception = error.get("entries").get(0);
    assertThat(exception.get("type").asText()).isEqualTo("exception");
    assertThat(exception.at("/data/values/1/type").asText()).isEqualTo("IllegalStateException");
    assertThat(exception.at("/data/values/1/value").asText()).isEqualTo("the widget broke");
    assertThat(exception.at("/data/values/1/stacktrace/frames")).isNotEmpty();
    assertThat(error.get("tags").toString()).contains("\"key\":\"release\"").contains("picket-test@1.0.0");

    JsonNode message = read(project, messageId.toString());
    assertThat(message.get("message").asText()).isEqualTo("hello from the Java SDK");
    assertThat(message.get("groupID").asText()).isNotEqualTo(error.get("groupID").asText());
  }

  private JsonNode read(Project project, String eventId) throws Exception {
    String token = server.token(project, Role.MEMBER, "project:read");
    HttpResponse<String> response = server.get("/api/0/projects/" + server.organizationOf(project).slug()
        + "/" + project.slug() + "/events/" + eventId + "/", "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}

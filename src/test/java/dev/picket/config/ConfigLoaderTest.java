package dev.picket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  @Test
  void defaults_matchTheReadmeTable() {
    Config config = new ConfigLoader(Map.of(), Map.of()).load();
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.baseUrl()).isEqualTo("http://localhost:8000");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.databaseUrl()).isNull();
    assertThat(config.limits().maxEventBytes()).isEqualTo(1024 * 1024);
    assertThat(config.limits().maxRequestBytes()).isEqualTo(20 * 1024 * 1024);
    assertThat(config.limits().maxDecodedBytes()).isEqualTo(100L * 1024 * 1024);
    assertThat(config.limits().projectEventsPerMinute()).isZero();
    assertThat(config.limits().apiRequestsPerSecond()).isZero();
    assertThat(config.limits().maxAttachmentBytes()).isEqualTo(100 * 1024 * 1024);
  }

  @Test
  void theAttachmentLimit_isReadFromTheEnvironment() {
    assertThat(new ConfigLoader(Map.of("PICKET_MAX_ATTACHMENT_BYTES", "5000"), Map.of()).load()
        .limits().maxAttachmentBytes()).isEqualTo(5000);
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PICKET_MAX_ATTACHMENT_BYTES", "0"), Map.of()).load())
        .hasMessageContaining("PICKET_MAX_ATTACHMENT_BYTES");
  }

  @Test
  void flags_overrideTheEnvironment() {
    Config config = new ConfigLoader(Map.of("PICKET_PORT", "9000", "PICKET_URL", "https://errors.example.com/"),
        Map.of("PICKET_PORT", "9100")).load();
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.baseUrl()).isEqualTo("https://errors.example.com");
  }

  @Test
  void theDefaultUrl_followsThePort() {
    assertThat(new ConfigLoader(Map.of("PICKET_PORT", "9000"), Map.of()).load().baseUrl())
        .isEqualTo("http://localhost:9000");
  }

  @Test
  void badValues_failNamingTheVariable() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PICKET_PORT", "eighty"), Map.of()).load())
        .isInstanceOf(ConfigException.class).hasMessageContaining("PICKET_PORT");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PICKET_PORT", "70000"), Map.of()).load())
        .hasMessageContaining("PICKET_PORT");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PICKET_URL", "ftp://x"), Map.of()).load())
        .hasMessageContaining("PICKET_URL");
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PICKET_WRITER_QUEUE", "0"), Map.of()).load())
        .hasMessageContaining("PICKET_WRITER_QUEUE");
  }
}

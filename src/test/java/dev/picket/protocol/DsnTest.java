package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DsnTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://" + KEY + "@127.0.0.1:9000/7        | http://127.0.0.1:9000          | 7",
      "https://" + KEY + "@errors.example.com/tracker/42 | https://errors.example.com/tracker | 42",
      "https://" + KEY + "@errors.example.com/a/b/42/ | https://errors.example.com/a/b | 42",
      "HTTPS://" + KEY + "@Errors.example.com/1    | https://Errors.example.com     | 1",
      "http://" + KEY + "@[::1]:8000/3             | http://[::1]:8000              | 3"})
  void parse_splitsBaseUrlKeyAndProjectId(String text, String baseUrl, long projectId) {
    Dsn dsn = Dsn.parse(text).orElseThrow();

    assertThat(dsn.baseUrl()).isEqualTo(baseUrl);
    assertThat(dsn.publicKey()).isEqualTo(KEY);
    assertThat(dsn.secretKey()).isNull();
    assertThat(dsn.projectId()).isEqualTo(projectId);
  }

  @Test
  void parse_readsLegacySecretKey() {
    Dsn dsn = Dsn.parse("https://" + KEY + ":s3cr3t@sentry.example.com/5").orElseThrow();

    assertThat(dsn.secretKey()).isEqualTo("s3cr3t");
    assertThat(dsn.format()).isEqualTo("https://" + KEY + ":s3cr3t@sentry.example.com/5");
    assertThat(dsn.toString()).doesNotContain("s3cr3t");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "ftp://" + KEY + "@host/1", "http://host/1", "http://@host/1", "http://" + KEY + "@host",
      "http://" + KEY + "@host/", "http://" + KEY + "@host/abc", "http://" + KEY + "@host/0",
      "http://" + KEY + "@host/-3", "not a url", "http://" + KEY + "@/1", "//" + KEY + "@host/1"})
  void parse_rejectsMalformedDsn(String text) {
    assertThat(Dsn.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "http://localhost:8000, http://" + KEY + "@localhost:8000/42",
      "http://localhost:8000/, http://" + KEY + "@localhost:8000/42",
      "https://errors.example.com/tracker, https://" + KEY + "@errors.example.com/tracker/42",
      "https://errors.example.com/tracker/, https://" + KEY + "@errors.example.com/tracker/42"})
  void of_buildsDsnFromPublicBaseUrlKeepingPathPrefix(String baseUrl, String expected) {
    Dsn dsn = Dsn.of(baseUrl, KEY, 42);

    assertThat(dsn.format()).isEqualTo(expected);
    assertThat(Dsn.parse(dsn.format())).contains(dsn);
  }

  @Test
  void ingestUrl_appendsApiProjectAndEndpoint() {
    Dsn dsn = Dsn.of("https://errors.example.com/tracker", KEY, 42);

    assertThat(dsn.ingestUrl("envelope"))
        .isEqualTo("https://errors.example.com/tracker/api/42/envelope/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8000", "ftp://host", "http://u@host", "http://host?x=1", ""})
  void of_rejectsBaseUrlThatIsNotPlainHttp(String baseUrl) {
    assertThatIllegalArgumentException().isThrownBy(() -> Dsn.of(baseUrl, KEY, 1));
  }

  @Test
  void of_rejectsBadKeyOrProjectId() {
    assertThatIllegalArgumentException().isThrownBy(() -> Dsn.of("http://h", "", 1));
    assertThatIllegalArgumentException().isThrownBy(() -> Dsn.of("http://h", "a@b", 1));
    assertThatIllegalArgumentException().isThrownBy(() -> Dsn.of("http://h", KEY, 0));
  }
}

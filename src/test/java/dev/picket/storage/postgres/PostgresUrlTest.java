package dev.picket.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.storage.postgres.PostgresStorage.Target;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  @Test
  void libpqUrlsBecomeJdbcUrlsWithSeparateCredentials() {
    assertThat(PostgresStorage.parse("postgresql://picket:s3cret@db.internal:5433/picket"))
        .isEqualTo(new Target("jdbc:postgresql://db.internal:5433/picket", "picket", "s3cret"));
    assertThat(PostgresStorage.parse("postgres://u@localhost/events?sslmode=require"))
        .isEqualTo(new Target("jdbc:postgresql://localhost/events?sslmode=require", "u", null));
  }

  @Test
  void percentEncodedCredentialsAreDecoded() {
    assertThat(PostgresStorage.parse("postgresql://us%40er:p%3Aa+s%2Fs@h:1/d"))
        .isEqualTo(new Target("jdbc:postgresql://h:1/d", "us@er", "p:a+s/s"));
  }

  @Test
  void jdbcUrlsPassThrough() {
    String jdbc = "jdbc:postgresql://h:5432/d?user=a&password=b";
    assertThat(PostgresStorage.parse(jdbc)).isEqualTo(new Target(jdbc, null, null));
  }

  @Test
  void otherUrlsAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> PostgresStorage.parse("mysql://root:topsecret@h/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("topsecret");
  }
}

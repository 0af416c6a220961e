package dev.picket.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.model.IssueSearch.Condition;
import dev.picket.model.IssueSearch.Field;
import dev.picket.model.IssueSearch.HasTag;
import dev.picket.model.IssueSearch.LevelIs;
import dev.picket.model.IssueSearch.Op;
import dev.picket.model.IssueSearch.SeenBound;
import dev.picket.model.IssueSearch.StatusIs;
import dev.picket.model.IssueSearch.TagIs;
import dev.picket.model.IssueSearch.Text;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sentry's issue search syntax, one query per row. */
class SearchQueryParserTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("", List.of()),
        Arguments.of("is:unresolved", List.of(new StatusIs("unresolved"))),
        Arguments.of("is:resolved", List.of(new StatusIs("resolved"))),
        Arguments.of("is:ignored", List.of(new StatusIs("ignored"))),
        Arguments.of("has:browser", List.of(new HasTag("browser", false))),
        Arguments.of("!has:user", List.of(new HasTag("sentry:user", true))),
        Arguments.of("browser:Firefox", List.of(new TagIs("browser", "Firefox", false))),
        Arguments.of("!browser:Firefox", List.of(new TagIs("browser", "Firefox", true))),
        Arguments.of("browser:\"Mobile Safari\"", List.of(new TagIs("browser", "Mobile Safari", false))),
        Arguments.of("message:\"say \\\"hi\\\"\"", List.of(new TagIs("message", "say \"hi\"", false))),
        Arguments.of("release:1.0", List.of(new TagIs("sentry:release", "1.0", false))),
        Arguments.of("environment:prod", List.of(new TagIs("environment", "prod", false))),
        Arguments.of("level:error", List.of(new LevelIs("error", false))),
        Arguments.of("!level:info", List.of(new LevelIs("info", true))),
        Arguments.of("user.email:a@b.c", List.of(new TagIs("sentry:user", "email:a@b.c", false))),
        Arguments.of("user.id:42", List.of(new TagIs("sentry:user", "id:42", false))),
        Arguments.of("TypeError bad input", List.of(new Text("TypeError bad input"))),
        Arguments.of("\"quoted words\"", List.of(new Text("quoted words"))),
        Arguments.of("is:unresolved boom level:error", List.of(new StatusIs("unresolved"),
            new LevelIs("error", false), new Text("boom"))),
        Arguments.of("lastSeen:-24h", List.of(new SeenBound(Field.LAST_SEEN, Op.GTE, NOW.minusSeconds(86400)))),
        Arguments.of("firstSeen:+7d", List.of(new SeenBound(Field.FIRST_SEEN, Op.LTE,
            NOW.minusSeconds(7 * 86400)))),
        Arguments.of("age:-30m", List.of(new SeenBound(Field.FIRST_SEEN, Op.GTE, NOW.minusSeconds(1800)))),
        Arguments.of("firstSeen:>2024-04-01", List.of(new SeenBound(Field.FIRST_SEEN, Op.GT,
            Instant.parse("2024-04-01T00:00:00Z")))),
        Arguments.of("lastSeen:<=2024-04-01T12:30:00", List.of(new SeenBound(Field.LAST_SEEN, Op.LTE,
            Instant.parse("2024-04-01T12:30:00Z")))),
        Arguments.of("lastSeen:<2024-04-01T12:30:00Z", List.of(new SeenBound(Field.LAST_SEEN, Op.LT,
            Instant.parse("2024-04-01T12:30:00Z")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void parse(String query, List<Condition> expected) {
    assertThat(SearchQueryParser.parse(query, NOW)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"is:bogus", "!is:resolved", "lastSeen:yesterday", "firstSeen:>not-a-date", "browser:"})
  void invalidQueriesAreRefusedWithSentrysPrefix(String query) {
    assertThatThrownBy(() -> SearchQueryParser.parse(query, NOW))
        .isInstanceOf(InvalidIssueRequest.class)
        .hasMessageStartingWith("Error parsing search query: ");
  }
}

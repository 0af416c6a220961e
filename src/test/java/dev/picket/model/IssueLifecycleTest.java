package dev.picket.model;

import static dev.picket.model.IssueLifecycle.Outcome.KEEP;
import static dev.picket.model.IssueLifecycle.Outcome.REGRESSION;
import static dev.picket.model.IssueLifecycle.Outcome.UNIGNORE;
import static dev.picket.model.StatusChange.Resolution.IN_NEXT_RELEASE;
import static dev.picket.model.StatusChange.Resolution.IN_RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transition of {@link IssueLifecycle#onEvent}, one row each. */
class IssueLifecycleTest {
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  static IssueLifecycle.State resolved(StatusChange.Resolution resolution, Long releaseOrder) {
    return new IssueLifecycle.State("resolved", resolution, releaseOrder, null, null, null, 10, 2);
  }

  static IssueLifecycle.State ignored(Instant until, Long countTarget, Long usersTarget) {
    return new IssueLifecycle.State("ignored", null, null, until, countTarget, usersTarget, 10, 2);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unresolved stays", new IssueLifecycle.State("unresolved", null, null, null, null, null, 1, 0),
            5L, KEEP),
        Arguments.of("resolved: any event regresses", resolved(null, null), null, REGRESSION),
        Arguments.of("next release: same release keeps", resolved(IN_NEXT_RELEASE, 5L), 5L, KEEP),
        Arguments.of("next release: older release keeps", resolved(IN_NEXT_RELEASE, 5L), 4L, KEEP),
        Arguments.of("next release: no release keeps", resolved(IN_NEXT_RELEASE, 5L), null, KEEP),
        Arguments.of("next release: newer release regresses", resolved(IN_NEXT_RELEASE, 5L), 6L, REGRESSION),
        Arguments.of("in release: older keeps", resolved(IN_RELEASE, 5L), 4L, KEEP),
        Arguments.of("in release: that release regresses", resolved(IN_RELEASE, 5L), 5L, REGRESSION),
        Arguments.of("in release: newer regresses", resolved(IN_RELEASE, 5L), 7L, REGRESSION),
        Arguments.of("in release: no release keeps", resolved(IN_RELEASE, 5L), null, KEEP),
        Arguments.of("ignored forever keeps", ignored(null, null, null), 1L, KEEP),
        Arguments.of("ignored until later keeps", ignored(NOW.plusSeconds(1), null, null), null, KEEP),
        Arguments.of("ignored until now unignores", ignored(NOW, null, null), null, UNIGNORE),
        Arguments.of("ignored count not reached keeps", ignored(null, 11L, null), null, KEEP),
        Arguments.of("ignored count reached unignores", ignored(null, 10L, null), null, UNIGNORE),
        Arguments.of("ignored users not reached keeps", ignored(null, null, 3L), null, KEEP),
        Arguments.of("ignored users reached unignores", ignored(null, null, 2L), null, UNIGNORE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void onEvent(String name, IssueLifecycle.State state, Long releaseOrder, IssueLifecycle.Outcome expected) {
    assertThat(IssueLifecycle.onEvent(state, releaseOrder, NOW)).isEqualTo(expected);
  }
}

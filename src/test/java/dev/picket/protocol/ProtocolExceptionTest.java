package dev.picket.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolExceptionTest {

  @Test
  void badRequest_carriesStatusDetailAndCauses() {
    ProtocolException e =
        ProtocolException.badRequest("invalid event envelope", "unexpected end of file");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.detail()).isEqualTo("invalid event envelope");
    assertThat(e.causes()).containsExactly("unexpected end of file");
    assertThat(e.getMessage()).isEqualTo("invalid event envelope: unexpected end of file");
  }

  @Test
  void unauthorizedAndTooLarge_haveNoCauses() {
    assertThat(ProtocolException.unauthorized("missing authorization information").status())
        .isEqualTo(401);
    assertThat(ProtocolException.tooLarge("request body too large").causes()).isEmpty();
    assertThat(ProtocolException.tooLarge("request body too large").getMessage())
        .isEqualTo("request body too large");
  }

  @Test
  void constructor_copiesCauses() {
    List<String> causes = new ArrayList<>(List.of("a"));
    ProtocolException e = new ProtocolException(400, "d", causes);
    causes.add("b");

    assertThat(e.causes()).containsExactly("a");
  }
}

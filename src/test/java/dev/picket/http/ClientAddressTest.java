package dev.picket.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.0/8", "::1", "192.168.1.5"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "203.0.113.7 | 198.51.100.1 | 203.0.113.7",      // untrusted peer: its header is ignored
      "10.1.2.3 | 198.51.100.1 | 198.51.100.1",        // trusted proxy: the forwarded client
      "10.1.2.3 | 198.51.100.1, 10.9.9.9 | 198.51.100.1", // a chain of trusted proxies is skipped
      "10.1.2.3 | 1.1.1.1, 198.51.100.1 | 198.51.100.1", // a spoofed left-most entry is not believed
      "::1 | 2001:db8::5 | 2001:db8::5",
      "192.168.1.5 | 10.0.0.1, 10.0.0.2 | 10.0.0.1",   // all trusted: the left-most
      "10.1.2.3 | not-an-ip, 198.51.100.1 | 198.51.100.1"})
  void clientIsTheFirstUntrustedHopFromTheRight(String peer, String forwardedFor, String client) {
    assertThat(BEHIND_PROXIES.of(peer, forwardedFor)).isEqualTo(client);
  }

  @Test
  void withoutTrustedProxies_thePeerIsTheClient() {
    assertThat(new ClientAddress(List.of()).of("127.0.0.1", "198.51.100.1")).isEqualTo("127.0.0.1");
    assertThat(BEHIND_PROXIES.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
  }

  @Test
  void badProxyEntries_areRefused() {
    assertThatThrownBy(() -> new ClientAddress(List.of("example.com"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
  }
}

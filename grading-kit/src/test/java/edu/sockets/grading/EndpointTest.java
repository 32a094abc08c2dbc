package edu.sockets.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void readsHostAndPort() {
    assertThat(Endpoint.parse("lab-pc-07:5001")).isEqualTo(new Endpoint("lab-pc-07", 5001));
    assertThat(Endpoint.parse(" 10.0.0.7:5002 ")).isEqualTo(new Endpoint("10.0.0.7", 5002));
  }

  @Test
  void readsAnIpv6AddressInBrackets() {
    Endpoint endpoint = Endpoint.parse("[::1]:5001");
    assertThat(endpoint.host()).isEqualTo("::1");
    assertThat(endpoint).hasToString("[::1]:5001");
  }

  @Test
  void namesWhatIsWrong() {
    assertThatThrownBy(() -> Endpoint.parse("lab-pc-07"))
        .hasMessage("expected HOST:PORT, such as 127.0.0.1:5001, not \"lab-pc-07\"");
    assertThatThrownBy(() -> Endpoint.parse("lab-pc-07:http"))
        .hasMessage("the port must be a number, not \"http\"");
    assertThatThrownBy(() -> Endpoint.parse("lab-pc-07:70000"))
        .hasMessage("the port must be between 1 and 65535, not 70000");
  }
}

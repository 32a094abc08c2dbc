package edu.sockets.chat.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LoadResult: what a run measured, and its three printed lines")
class LoadResultTest {

  @Test
  @DisplayName("everything delivered, in order and intact: ok, nothing lost, three lines printed")
  void everythingDelivered() {
    LoadResult result = new LoadResult(500, 500, 0, 0, 0.25, 1_500_000, 3_000_000, 4_000_000);
    List<String> lines = new ArrayList<>();

    result.print(lines::add);

    assertThat(result.ok()).isTrue();
    assertThat(result.lost()).isZero();
    assertThat(result.rate()).isEqualTo(2000.0);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith("deliveries: 500 expected, 500 received, 0 lost (")
        .endsWith("%); 0 out of order, 0 corrupted");
    assertThat(lines.get(1)).matches("time: 0[.,]250 s, rate: 2[,.]?000 deliveries/s");
    assertThat(lines.get(2)).matches("latency: p50 1[.,]50 ms, p99 3[.,]00 ms, max 4[.,]00 ms");
  }

  @Test
  @DisplayName("a loss, a message out of order or a corrupted one: not ok")
  void anyFaultIsNotOk() {
    assertThat(new LoadResult(10, 9, 0, 0, 1, 0, 0, 0).ok()).isFalse();
    assertThat(new LoadResult(10, 9, 0, 0, 1, 0, 0, 0).lost()).isEqualTo(1);
    assertThat(new LoadResult(10, 10, 1, 0, 1, 0, 0, 0).ok()).isFalse();
    assertThat(new LoadResult(10, 10, 0, 1, 1, 0, 0, 0).ok()).isFalse();
  }

  @Test
  @DisplayName("a run that took no time has a rate of 0, not infinity")
  void noTimeNoRate() {
    assertThat(new LoadResult(10, 10, 0, 0, 0, 0, 0, 0).rate()).isZero();
  }
}

package edu.sockets.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Admission: connection caps in total and per address")
class AdmissionTest {

  private static final InetAddress LAN_A = address("10.0.0.7");
  private static final InetAddress LAN_B = address("10.0.0.8");
  private static final InetAddress LOOPBACK = address("127.0.0.1");

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }

  private static Admission caps(int total, int perAddress, boolean limitLoopback) {
    return new Admission(
        new Limits(
            Duration.ZERO,
            Duration.ZERO,
            0,
            0,
            total,
            perAddress,
            limitLoopback,
            Duration.ZERO,
            Duration.ZERO));
  }

  @Test
  @DisplayName("per address: the third from one address is refused, another address still gets in")
  void perAddressCap() {
    Admission admission = caps(0, 2, false);

    assertThat(admission.admit(LAN_A)).isNull();
    assertThat(admission.admit(LAN_A)).isNull();
    assertThat(admission.admit(LAN_A).text()).contains("already 2 connections from 10.0.0.7");
    assertThat(admission.admit(LAN_B)).isNull();
    assertThat(admission.connections()).isEqualTo(3);
  }

  @Test
  @DisplayName("a connection that ends makes room for another from its address")
  void releaseMakesRoom() {
    Admission admission = caps(0, 1, false);
    admission.admit(LAN_A);
    admission.release(LAN_A);

    assertThat(admission.admit(LAN_A)).isNull();
    assertThat(admission.connections()).isEqualTo(1);
  }

  @Test
  @DisplayName("in total: refused at the maximum, whatever the address, loopback included")
  void totalCap() {
    Admission admission = caps(2, 0, false);
    admission.admit(LAN_A);
    admission.admit(LOOPBACK);

    assertThat(admission.admit(LAN_B).text()).contains("maximum of 2 connections");
    assertThat(admission.admit(LOOPBACK).text()).contains("maximum of 2 connections");
  }

  @Test
  @DisplayName("loopback is exempt from the per-address cap unless --limit-loopback")
  void loopbackExemptUnlessAsked() {
    Admission exempt = caps(0, 1, false);
    Admission limited = caps(0, 1, true);
    for (int i = 0; i < 1000; i++) {
      assertThat(exempt.admit(LOOPBACK)).isNull();
    }
    limited.admit(LOOPBACK);

    assertThat(limited.admit(LOOPBACK).text()).contains("from 127.0.0.1");
  }

  @Test
  @DisplayName("the defaults let part 1's 1,000 load users in from loopback")
  void defaultsAdmitTheLoadGenerator() {
    Admission admission = new Admission(Limits.DEFAULTS);
    for (int i = 0; i < 1000; i++) {
      assertThat(admission.admit(LOOPBACK)).isNull();
    }
  }
}

package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.ServerMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ending: which server lines announce the end of a connection")
class EndingTest {

  private static Ending announced(String line) {
    return Ending.announcedBy(ServerMessage.parse(line));
  }

  @Test
  @DisplayName("BYE, a kick, and the errors after which the server closes")
  void announcements() {
    assertThat(announced("BYE")).isEqualTo(new Ending.Bye());
    assertThat(announced("ERR KICKED be nice")).isEqualTo(new Ending.Kicked("be nice"));
    assertThat(announced("ERR SERVER_FULL try again later"))
        .isEqualTo(new Ending.Refused("SERVER_FULL", "try again later"));
    assertThat(announced("ERR TIMEOUT no name chosen within 60 s"))
        .isEqualTo(new Ending.Refused("TIMEOUT", "no name chosen within 60 s"));
    assertThat(announced("ERR TLS_REQUIRED this server speaks TLS"))
        .isEqualTo(new Ending.Refused("TLS_REQUIRED", "this server speaks TLS"));
  }

  @Test
  @DisplayName("anything else announces nothing: an error the connection survives, a banner")
  void otherLinesAnnounceNothing() {
    assertThat(announced("ERR NAME_TAKEN bob is taken")).isNull();
    assertThat(announced("ERR RATE_LIMITED slow down")).isNull();
    assertThat(announced("INFO The server is shutting down.")).isNull();
    assertThat(announced("WELCOME alice")).isNull();
  }
}

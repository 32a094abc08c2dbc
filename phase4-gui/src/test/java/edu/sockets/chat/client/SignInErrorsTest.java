package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.SignInErrors.Fail;
import edu.sockets.chat.client.SignInErrors.TryAgain;
import edu.sockets.chat.client.SignInException.Failure;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SignInErrors: what an ERR before WELCOME means, first time and after a drop")
class SignInErrorsTest {

  private static final String SERVER = "127.0.0.1:5004";

  private static SignInErrors.Verdict first(String code, String text) {
    return SignInErrors.verdict(new Err(code, text), true, "alice", SERVER);
  }

  private static SignInErrors.Verdict again(String code, String text) {
    return SignInErrors.verdict(new Err(code, text), false, "alice", SERVER);
  }

  @Test
  @DisplayName("a first sign-in fails with the failure the dialog needs, in plain words")
  void firstSignInFailsInPlainWords() {
    assertThat(first("NAME_TAKEN", "alice is taken; choose another name"))
        .isEqualTo(new Fail(Failure.NAME_TAKEN, "The name alice is taken. Choose another one."));
    assertThat(first("NAME_INVALID", "names are 1 to 16 characters"))
        .isEqualTo(
            new Fail(
                Failure.NAME_INVALID,
                "The server refused the name alice: names are 1 to 16 characters"));
    assertThat(first("TLS_REQUIRED", "this server speaks TLS"))
        .isEqualTo(
            new Fail(
                Failure.UNREACHABLE,
                "The server at 127.0.0.1:5004 speaks TLS: tick \"Use TLS\" (or add --tls)."));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"AUTH_FAILED", "AUTH_LOCKED", "NAME_PROTECTED", "PASSWORD_INVALID"})
  @DisplayName("every answer about the password is a PASSWORD failure, then a retry after a drop")
  void passwordAnswers(String code) {
    assertThat(first(code, "wrong name or password"))
        .isEqualTo(
            new Fail(
                Failure.PASSWORD, "The server refused to sign you in: wrong name or password."));
    assertThat(again(code, "wrong name or password"))
        .isEqualTo(new TryAgain("The server refused to sign you in again: wrong name or password"));
  }

  @Test
  @DisplayName("after a drop a held name is tried again later, never given up or changed")
  void afterADropTheNameIsTriedAgain() {
    TryAgain held = new TryAgain("The server still gives alice to the old connection");
    assertThat(again("NAME_TAKEN", "alice is taken")).isEqualTo(held);
    assertThat(again("NAME_INVALID", "no")).isEqualTo(held);
  }

  @Test
  @DisplayName("errors that are not about signing in have no verdict: the server closes next")
  void otherErrorsHaveNoVerdict() {
    assertThat(first("SERVER_FULL", "the server has its maximum")).isNull();
    assertThat(first("TIMEOUT", "no name chosen within 60 s")).isNull();
    assertThat(again("TLS_REQUIRED", "this server speaks TLS")).isNull();
    assertThat(first("SOMETHING_NEW", "from a newer server")).isNull();
  }

  @Test
  @DisplayName("a connection closed before WELCOME: the first sign-in fails, saying how")
  void closedBeforeWelcome() {
    assertThat(SignInErrors.closedBefore(new Ending.Refused("SERVER_FULL", "it is full"), SERVER))
        .isEqualTo(
            new Fail(
                Failure.UNREACHABLE,
                "The server at 127.0.0.1:5004 closed the connection (it is full) before you signed"
                    + " in."));
    assertThat(SignInErrors.closedBefore(new Ending.Lost(null), SERVER).message())
        .isEqualTo("The server at 127.0.0.1:5004 closed the connection before you signed in.");
    assertThat(
            SignInErrors.closedBefore(new Ending.Lost(new IOException("Connection reset")), SERVER)
                .message())
        .isEqualTo("The server at 127.0.0.1:5004 failed: Connection reset before you signed in.");
    assertThat(SignInErrors.closedBefore(new Ending.Bye(), SERVER).message())
        .isEqualTo("The server at 127.0.0.1:5004 closed the connection before you signed in.");
  }
}

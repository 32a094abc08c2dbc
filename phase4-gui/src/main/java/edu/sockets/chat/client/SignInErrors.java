package edu.sockets.chat.client;

import static edu.sockets.chat.protocol.ErrorCode.AUTH_FAILED;
import static edu.sockets.chat.protocol.ErrorCode.AUTH_LOCKED;
import static edu.sockets.chat.protocol.ErrorCode.NAME_INVALID;
import static edu.sockets.chat.protocol.ErrorCode.NAME_PROTECTED;
import static edu.sockets.chat.protocol.ErrorCode.NAME_TAKEN;
import static edu.sockets.chat.protocol.ErrorCode.PASSWORD_INVALID;
import static edu.sockets.chat.protocol.ErrorCode.TLS_REQUIRED;

import edu.sockets.chat.client.SignInException.Failure;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage.Err;
import java.util.Arrays;

/**
 * What an {@code ERR} before {@code WELCOME}, or a connection closed then, means to a {@link
 * ChatSession}: pure, so each case is tested with strings. The first sign-in fails and says why,
 * since the user is right there, in the connect dialog; after a drop, the session tries again later
 * rather than give up or take another name behind the user's back.
 */
final class SignInErrors {

  /** What the session does about the error. */
  sealed interface Verdict {}

  /** The first sign-in fails: the connect dialog shows {@code message} and stays open. */
  record Fail(Failure failure, String message) implements Verdict {}

  /** After a drop: leave this connection and try again later; {@code why} is for the status. */
  record TryAgain(String why) implements Verdict {}

  private SignInErrors() {}

  /**
   * The verdict on {@code e}, or null if it is not about signing in ({@code SERVER_FULL}, {@code
   * TIMEOUT}: the server closes next, and the session words the end then).
   *
   * @param firstTime whether the session has never been online (not a reconnect)
   * @param name the name signing in
   * @param server {@code host:port}
   */
  static Verdict verdict(Err e, boolean firstTime, String name, String server) {
    if (is(e, AUTH_FAILED, AUTH_LOCKED, NAME_PROTECTED, PASSWORD_INVALID)) { // the password
      return firstTime
          ? new Fail(Failure.PASSWORD, "The server refused to sign you in: " + e.text() + ".")
          : new TryAgain("The server refused to sign you in again: " + e.text());
    }
    if (is(e, NAME_TAKEN, NAME_INVALID) && !firstTime) {
      // After a drop the server may not yet know our old connection is gone, and still holds
      // the name for it.
      return new TryAgain("The server still gives " + name + " to the old connection");
    }
    if (is(e, NAME_TAKEN)) {
      return new Fail(Failure.NAME_TAKEN, "The name " + name + " is taken. Choose another one.");
    }
    if (is(e, NAME_INVALID)) {
      return new Fail(
          Failure.NAME_INVALID, "The server refused the name " + name + ": " + e.text());
    }
    if (is(e, TLS_REQUIRED) && firstTime) {
      return new Fail(
          Failure.UNREACHABLE,
          "The server at " + server + " speaks TLS: tick \"Use TLS\" (or add --tls).");
    }
    return null;
  }

  /** The server closed the connection of a first sign-in: the dialog says how. */
  static Fail closedBefore(Ending ending, String server) {
    String how =
        switch (ending) {
          case Ending.Refused refused -> "closed the connection (" + refused.error() + ")";
          case Ending.Lost lost when lost.cause() != null -> "failed: " + lost.cause().getMessage();
          default -> "closed the connection";
        };
    return new Fail(
        Failure.UNREACHABLE, "The server at " + server + " " + how + " before you signed in.");
  }

  private static boolean is(Err e, ErrorCode... codes) {
    return Arrays.stream(codes).anyMatch(code -> code.name().equals(e.code()));
  }
}

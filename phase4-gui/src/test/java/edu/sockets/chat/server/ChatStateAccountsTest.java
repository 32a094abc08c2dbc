package edu.sockets.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.protocol.Command;
import edu.sockets.chat.protocol.ErrorCode;
import edu.sockets.chat.protocol.ServerMessage;
import edu.sockets.chat.protocol.ServerMessage.Msg;
import edu.sockets.chat.protocol.ServerMessage.Offline;
import edu.sockets.chat.protocol.ServerMessage.Queued;
import edu.sockets.chat.server.ChatStateTest.FakePeer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the chat does with what {@link Accounts} answers, without passwords or a database. */
@DisplayName("ChatState with accounts: protected names, sign-in, offline messages")
class ChatStateAccountsTest {

  private static final String T = "2026-11-22T10:15:30Z";

  /** One account, alice, whose password is "right"; one message waits for her. */
  private static final class OneAccount implements Accounts {
    @Override
    public boolean isProtected(String name) {
      return name.equalsIgnoreCase("alice");
    }

    @Override
    public Outcome signIn(Command command, String address) {
      return command.equals(new Command.Login("alice", "right password"))
          ? new SignedIn("alice")
          : new Refused(ServerMessage.Err.of(ErrorCode.AUTH_FAILED, "no"));
    }

    @Override
    public List<ServerMessage> sendOffline(Msg message) {
      return List.of(message, new Queued(message.ts(), "alice"));
    }

    @Override
    public List<Offline> takeWaiting(String name) {
      return List.of(new Offline(Instant.parse(T), "bob", "alice", "while you were out"));
    }
  }

  private final ChatState state =
      new ChatState(
          Clock.fixed(Instant.parse(T), ZoneOffset.UTC),
          line -> {},
          new OneAccount(),
          MessageHistory.NONE);

  private FakePeer connect(String address) {
    FakePeer peer = new FakePeer(address, Integer.MAX_VALUE);
    state.connect(peer);
    peer.take(); // the banner
    return peer;
  }

  @Test
  @DisplayName("an account's name is protected from guests; the password takes it")
  void protectedNameThenSignIn() {
    FakePeer guest = connect("10.0.0.1:1");

    state.receive(guest, "/name Alice");
    state.receive(guest, "/login alice wrong password");
    state.receive(guest, "/login alice right password");

    assertThat(guest.take())
        .containsExactly(
            "ERR NAME_PROTECTED Alice belongs to an account; sign in with /login Alice <password>",
            "ERR AUTH_FAILED no",
            "WELCOME alice",
            "OFFLINE " + T + " bob alice while you were out");
  }

  @Test
  @DisplayName("signing in elsewhere replaces the old connection: KICKED there, LEAVE replaced")
  void newerSignInWins() {
    FakePeer old = connect("10.0.0.1:1");
    state.receive(old, "/login alice right password");
    FakePeer bob = connect("10.0.0.2:2");
    state.receive(bob, "/name bob");
    FakePeer again = connect("10.0.0.3:3");
    old.take();
    bob.take();

    state.receive(again, "/login alice right password");

    assertThat(old.take()).containsExactly("ERR KICKED signed in from another connection");
    assertThat(old.closedAfterSending).isTrue();
    assertThat(bob.take())
        .containsExactly("LEAVE " + T + " alice * replaced", "JOIN " + T + " alice *");
    assertThat(state.list()).extracting(ChatState.UserView::address).contains("10.0.0.3:3");
  }

  @Test
  @DisplayName("a private message to an offline account gets what the accounts answer")
  void offlineMessageIsTheAccountsBusiness() {
    FakePeer bob = connect("10.0.0.2:2");
    state.receive(bob, "/name bob");
    bob.take();

    state.receive(bob, "/pm alice see you");

    assertThat(bob.take())
        .containsExactly("MSG " + T + " bob alice see you", "QUEUED " + T + " alice");
  }
}

package edu.sockets.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sockets.chat.client.Conversation.Kind;
import edu.sockets.chat.client.Line.Style;
import edu.sockets.chat.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The window's state without a window: conversations, unread counts, the online list. */
@DisplayName("ChatModel: conversations, unread counts and the online list, without Swing")
class ChatModelTest {

  private static final String TS = "2026-11-22T10:15:30Z";

  private final ChatModel model = new ChatModel();
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void signInAsAlice() {
    model.addListener(
        new ChatModel.Listener() {
          @Override
          public void conversationOpened(Conversation c) {
            events.add("opened " + c.key());
          }

          @Override
          public void conversationClosed(Conversation c) {
            events.add("closed " + c.key());
          }

          @Override
          public void usersChanged(List<String> users) {
            events.add("users " + users);
          }
        });
    receive("INFO Welcome to the chat.");
    receive("WELCOME alice");
    receive("USERS * alice Bob carol"); // the answer to the client's own /who: not shown
  }

  private void receive(String line) {
    model.apply(ServerMessage.parse(line));
  }

  private static List<String> texts(Conversation c) {
    return c.lines().stream().map(Line::text).toList();
  }

  @Test
  @DisplayName("the roster after WELCOME fills the online list silently; a typed /who is shown")
  void rosterIsSilentButWhoIsShown() {
    assertThat(model.me()).isEqualTo("alice");
    assertThat(model.users()).containsExactly("alice", "Bob", "carol");
    assertThat(texts(model.everyone()))
        .containsExactly(
            "Welcome to the chat.",
            "You are alice. Type a message and press Enter; /help lists the commands.");

    receive("USERS * alice Bob");

    assertThat(texts(model.everyone())).last().isEqualTo("Online (2): alice, Bob");
    assertThat(model.users()).containsExactly("alice", "Bob");
  }

  @Test
  @DisplayName("public, room and private messages go to their conversations, in their styles")
  void messagesGoToTheirConversations() {
    receive("MSG " + TS + " Bob * hi all");
    receive("MSG " + TS + " server * maintenance at noon");
    receive("JOIN " + TS + " alice #Java");
    receive("MSG " + TS + " Bob #java in the room");
    receive("MSG " + TS + " Bob alice psst");

    assertThat(model.everyone().lines())
        .extracting(Line::style, Line::from, Line::text)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Style.MESSAGE, "Bob", "hi all"),
            org.assertj.core.groups.Tuple.tuple(
                Style.ANNOUNCEMENT, "server", "maintenance at noon"));
    Conversation room = model.find("#JAVA").orElseThrow();
    assertThat(room.kind()).isEqualTo(Kind.ROOM);
    assertThat(room.title()).isEqualTo("#Java");
    assertThat(texts(room)).containsExactly("you joined #Java", "in the room");
    Conversation bob = model.find("bob").orElseThrow();
    assertThat(bob.kind()).isEqualTo(Kind.PRIVATE);
    assertThat(bob.lines())
        .singleElement()
        .extracting(Line::style, Line::from, Line::to)
        .containsExactly(Style.PRIVATE, "Bob", "alice");
    assertThat(events).contains("opened #java", "opened bob");
  }

  @Test
  @DisplayName("a private conversation opens on the first private message either way")
  void privateOpensEitherWay() {
    receive("MSG " + TS + " alice carol are you there?"); // our own, echoed by the server

    Conversation carol = model.find("carol").orElseThrow();
    assertThat(carol.unread()).as("our own message is not unread").isZero();
    assertThat(carol.title()).isEqualTo("carol");
    assertThat(carol.target()).isEqualTo("carol");
    assertThat(texts(carol)).containsExactly("are you there?");
  }

  @Test
  @DisplayName("unread counts grow for messages in conversations not showing, and reset on select")
  void unreadCounts() {
    receive("JOIN " + TS + " alice #java");
    Conversation room = model.find("#java").orElseThrow();
    receive("MSG " + TS + " Bob #java one");
    receive("MSG " + TS + " Bob #java two");
    receive("JOIN " + TS + " carol #java"); // a notice: not unread
    receive("MSG " + TS + " Bob * in everyone"); // showing: not unread

    assertThat(room.unread()).isEqualTo(2);
    assertThat(room.toString()).isEqualTo("#java (2)");
    assertThat(model.everyone().unread()).isZero();

    model.select(room);
    receive("MSG " + TS + " Bob * while away");

    assertThat(room.unread()).isZero();
    assertThat(model.everyone().unread()).isEqualTo(1);
  }

  @Test
  @DisplayName("JOIN, LEAVE and NICK keep the online list; notices reach private conversations")
  void onlineListFollowsJoinLeaveAndNick() {
    receive("MSG " + TS + " Bob alice psst");
    receive("JOIN " + TS + " dave *");
    receive("NICK " + TS + " Bob Robert");
    receive("LEAVE " + TS + " carol * quit");

    assertThat(model.users()).containsExactly("alice", "dave", "Robert");
    assertThat(texts(model.everyone()))
        .contains("dave joined the chat", "Bob is now Robert", "carol left the chat (quit)");
    // The private conversation follows the person to the new name.
    assertThat(model.find("bob")).isEmpty();
    Conversation robert = model.find("robert").orElseThrow();
    assertThat(robert.title()).isEqualTo("Robert");
    assertThat(texts(robert)).containsExactly("psst", "Bob is now Robert");

    receive("LEAVE " + TS + " Robert * disconnected");

    assertThat(texts(robert)).last().isEqualTo("Robert left the chat (disconnected)");
  }

  @Test
  @DisplayName("our own rename changes our name; our own /leave closes the room's conversation")
  void ownRenameAndLeave() {
    receive("JOIN " + TS + " alice #java");
    Conversation room = model.find("#java").orElseThrow();
    model.select(room);
    receive("NICK " + TS + " alice alicia");
    receive("LEAVE " + TS + " alicia #java");

    assertThat(model.me()).isEqualTo("alicia");
    assertThat(texts(model.everyone())).contains("you are now alicia", "you left #java");
    assertThat(model.find("#java")).isEmpty();
    assertThat(model.current()).isSameAs(model.everyone());
    assertThat(events).contains("closed #java");
  }

  @Test
  @DisplayName("typed text goes to the current conversation's target; commands pass through")
  void typedLinesGoToTheCurrentTarget() {
    receive("JOIN " + TS + " alice #java");
    assertThat(model.typed("hello")).isEqualTo(new Typed.ToServer("hello"));
    assertThat(model.typed("//shrug")).isEqualTo(new Typed.ToServer("//shrug"));
    assertThat(model.typed("/who")).isEqualTo(new Typed.ToServer("/who"));
    assertThat(model.typed("/pm bob hi")).isEqualTo(new Typed.ToServer("/pm bob hi"));
    assertThat(model.typed("  ")).isEqualTo(new Typed.Nothing());
    assertThat(model.typed("/exit")).isEqualTo(new Typed.Quit());

    model.select(model.find("#java").orElseThrow());
    assertThat(model.typed("in the room")).isEqualTo(new Typed.ToServer("/msg #java in the room"));
    assertThat(model.typed("//slash")).isEqualTo(new Typed.ToServer("/msg #java /slash"));

    model.select(model.openPrivate("Bob"));
    assertThat(model.typed("just us")).isEqualTo(new Typed.ToServer("/msg Bob just us"));
  }

  @Test
  @DisplayName("/help is answered here; errors and answers appear where the user is")
  void helpAndErrorsShowInTheCurrentConversation() {
    Conversation bob = model.openPrivate("Bob");
    model.select(bob);

    assertThat(model.typed("/help")).isEqualTo(new Typed.Nothing());
    receive("ERR NO_SUCH_USER no user is called Bob");
    receive("ROOMS #java:2");

    assertThat(texts(bob)).anyMatch(t -> t.contains("/join #room"));
    assertThat(bob.lines())
        .filteredOn(l -> l.style() == Style.ERROR)
        .extracting(Line::text)
        .containsExactly("no user is called Bob");
    assertThat(texts(bob)).last().isEqualTo("Rooms: #java (2)");
    assertThat(bob.unread()).isZero();
  }

  @Test
  @DisplayName("a drop is noted in every conversation; the second WELCOME says we are back")
  void reconnectingIsNoted() {
    receive("JOIN " + TS + " alice #java");

    model.noticeEverywhere("Connection lost");
    receive("WELCOME alice");

    assertThat(texts(model.everyone()))
        .containsSubsequence("Connection lost", "Back online as alice.");
    assertThat(texts(model.find("#java").orElseThrow())).contains("Connection lost");
    assertThat(model.rooms()).containsExactly("#java");
  }

  @Test
  @DisplayName("unknown lines and BYE change nothing; Everyone cannot be closed")
  void unknownLinesAndEveryone() {
    int before = model.everyone().lines().size();
    receive("PING 42");
    receive("BYE");
    model.close(model.everyone());

    assertThat(model.everyone().lines()).hasSize(before);
    assertThat(model.conversations()).containsExactly(model.everyone());
  }
}

package edu.sockets.chat.grading;

import static edu.sockets.chat.grading.Lines.shown;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Quote;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Verdict;
import edu.sockets.grading.Wire;
import java.util.List;
import java.util.Locale;

/**
 * Who gets each message: public text, {@code //text}, private messages, and rooms. A message's
 * absence is shown with a sentinel, a later public message: when it arrives, anything that was
 * going to arrive before it has.
 */
final class MessageChecks {

  private MessageChecks() {}

  static Verdict publicText(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob");
    String text = "hello  there " + token; // two spaces: the text is kept as typed
    users.get(0).send(text);
    String fields = users.get(0).name + " * " + text;
    Reply got = users.get(1).expect(Lines.messageWith(token), shown("MSG", fields));
    if (Lines.event("MSG", fields).test(got.text())) {
      return Verdict.PASS;
    }
    String hint =
        got.text().contains(text.replace("  ", " "))
            ? ": the text is kept as typed, its spaces too"
            : "";
    return Verdict.fail(
        "%s got %s but expected %s%s"
            .formatted(users.get(1).name, got.describe(), shown("MSG", fields), hint));
  }

  static Verdict senderCopy(Probe probe) throws Exception {
    String token = Lines.token();
    Chatter alice = Chatter.register(probe, "alice_" + token);
    String text = "just me " + token;
    alice.send(text);
    Wire.Search copy = alice.search(Lines.messageWith(token));
    if (copy.succeeded()) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "%s sent %s and got %s; expected it back as %s: public text goes to every registered user, the sender included"
            .formatted(
                alice.name,
                Quote.text(text),
                copy.describe(),
                shown("MSG", alice.name + " * " + text)));
  }

  static Verdict slashSlash(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob");
    users.get(0).send("//shrug " + token);
    Wire.Search got = users.get(1).search(Lines.messageWith(token));
    if (got.succeeded() && got.found().text().endsWith(" /shrug " + token)) {
      return Verdict.PASS;
    }
    return Verdict.fail(
        "after %s sent \"//shrug %s\", %s got %s; expected the public text \"/shrug %s\": a line that starts with // is text starting with /"
            .formatted(users.get(0).name, token, users.get(1).name, got.describe(), token));
  }

  static Verdict privateMessages(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob", "carol");
    Chatter alice = users.get(0);
    Chatter bob = users.get(1);
    String secret = Lines.token(); // in the texts only, not in the names
    exchange(alice, bob, "/pm", "psst " + secret);
    exchange(bob, alice, "/msg", "back at you " + secret);
    String sentinel = Lines.token();
    alice.send("after " + sentinel);
    Wire.Search carol = users.get(2).search(Lines.messageWith(sentinel));
    for (Reply line : carol.others()) {
      if (line.text().contains(secret)) {
        return Verdict.fail(
            "%s, neither sender nor receiver, got %s: a private message goes to the user and back to the sender, to nobody else"
                .formatted(users.get(2).name, line.describe()));
      }
    }
    return Verdict.PASS;
  }

  /** {@code from} sends {@code command <to> <text>}; both must get it, the receiver first. */
  private static void exchange(Chatter from, Chatter to, String command, String text)
      throws Failed {
    from.send(command + " " + to.name + " " + text);
    String fields = from.name + " " + to.name + " " + text;
    String sent = " after " + Quote.text(command + " " + to.name + " " + text);
    to.expect(Lines.event("MSG", fields), shown("MSG", fields) + sent);
    from.expect(Lines.event("MSG", fields), shown("MSG", fields) + " (the sender's copy)" + sent);
  }

  static Verdict rooms(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob", "carol");
    Chatter alice = users.get(0);
    Chatter bob = users.get(1);
    Chatter carol = users.get(2);
    String room = "#Room_" + token;
    join(alice, room, List.of(alice));
    bob.send("/join " + room.toLowerCase(Locale.ROOT)); // the same room: room names ignore case
    String joined = bob.name + " " + room;
    for (Chatter member : List.of(bob, alice)) {
      member.expect(
          Lines.eventIgnoringCase("JOIN", joined),
          shown("JOIN", joined)
              + " after /join "
              + room.toLowerCase(Locale.ROOT)
              + " (the same room)");
    }
    String text = "hi room " + token;
    bob.send("/msg " + room + " " + text);
    String fields = bob.name + " " + room + " " + text;
    for (Chatter member : List.of(alice, bob)) {
      member.expect(Lines.eventIgnoringCase("MSG", fields), shown("MSG", fields));
    }
    String sentinel = Lines.token();
    alice.send("after " + sentinel);
    Wire.Search outside = carol.search(Lines.messageWith(sentinel));
    for (Reply line : outside.others()) {
      if (line.text().contains(text)) {
        return Verdict.fail(
            "%s, who is not in %s, got %s: a room's messages go to its members only"
                .formatted(carol.name, room, line.describe()));
      }
    }
    carol.send("/msg " + room + " let me in " + token);
    carol.expect(Lines::isError, "an ERR to /msg " + room + " from someone not in it");
    return Verdict.PASS;
  }

  /** {@code user} joins {@code room}; each of {@code members} must get its JOIN. */
  static void join(Chatter user, String room, List<Chatter> members) throws Failed {
    user.send("/join " + room);
    String fields = user.name + " " + room;
    for (Chatter member : members) {
      member.expect(
          Lines.eventIgnoringCase("JOIN", fields), shown("JOIN", fields) + " after /join " + room);
    }
  }

  static Verdict roomLists(Probe probe) throws Exception {
    String token = Lines.token();
    List<Chatter> users = Chatter.users(probe, token, "alice", "bob", "carol");
    Chatter alice = users.get(0);
    Chatter bob = users.get(1);
    Chatter carol = users.get(2);
    String room = "#List_" + token;
    join(alice, room, List.of(alice));
    join(bob, room, List.of(bob, alice));
    String members = "USERS " + room + " " + alice.name + " " + bob.name;
    carol.send("/who " + room);
    Reply who = carol.expect(line -> line.startsWith("USERS"), Quote.text(members));
    if (!who.text().equalsIgnoreCase(members)) {
      return Verdict.expected(who, members + "\n");
    }
    carol.send("/rooms");
    Reply rooms = carol.expect(line -> line.startsWith("ROOMS"), "\"ROOMS ... " + room + ":2\"");
    if (!List.of(rooms.text().toLowerCase(Locale.ROOT).split(" "))
        .contains(room.toLowerCase(Locale.ROOT) + ":2")) {
      return Verdict.fail(
          "/rooms got %s; expected \"ROOMS <#room>:<count>...\" with %s:2"
              .formatted(rooms.describe(), room));
    }
    for (Chatter leaving : List.of(bob, alice)) {
      leave(leaving, room, leaving == bob ? List.of(bob, alice) : List.of(alice));
    }
    carol.send("/who " + room);
    Reply gone = carol.expect(line -> line.startsWith("USERS") || Lines.isError(line), "an ERR");
    if (!Lines.isError(gone.text())) {
      return Verdict.fail(
          "once its last member left, \"/who %s\" got %s; expected an ERR: a room exists while it has members"
              .formatted(room, gone.describe()));
    }
    return Verdict.PASS;
  }

  /** {@code user} leaves {@code room}; each of {@code members} must get its LEAVE. */
  private static void leave(Chatter user, String room, List<Chatter> members) throws Failed {
    user.send("/leave " + room);
    String fields = user.name + " " + room;
    for (Chatter member : members) {
      member.expect(
          Lines.eventIgnoringCase("LEAVE", fields),
          shown("LEAVE", fields) + " (no reason) after /leave " + room);
    }
  }
}

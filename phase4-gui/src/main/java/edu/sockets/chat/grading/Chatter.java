package edu.sockets.chat.grading;

import edu.sockets.grading.Probe;
import edu.sockets.grading.Reply;
import edu.sockets.grading.Unreachable;
import edu.sockets.grading.Wire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * One connection of a check, with the name it registers under: sends lines, and waits for the one
 * it expects, reading past the others (notices of other users, history), which are kept for the
 * diagnosis.
 */
final class Chatter {

  final String name;
  private final Wire wire;

  private Chatter(String name, Wire wire) {
    this.name = name;
    this.wire = wire;
  }

  /** A new connection that has sent nothing yet. */
  static Chatter connect(Probe probe, String name) throws Unreachable, InterruptedException {
    return new Chatter(name, probe.connect());
  }

  /** A new connection registered under {@code name}. */
  static Chatter register(Probe probe, String name) throws Exception {
    return register(probe, List.of(name)).getFirst();
  }

  /**
   * New connections, each registered under its name. Every {@code /name} is sent before any answer
   * is awaited, so a server that never answers costs one wait, not one per user.
   */
  static List<Chatter> register(Probe probe, List<String> names) throws Exception {
    List<Chatter> users = new ArrayList<>();
    for (String name : names) {
      Chatter user = connect(probe, name);
      user.send("/name " + name);
      users.add(user);
    }
    for (Chatter user : users) {
      user.awaitWelcome();
    }
    return users;
  }

  /**
   * New connections, registered as each role with the check's token: {@code users(probe, "k3x9",
   * "alice", "bob")} registers alice_k3x9 and bob_k3x9.
   */
  static List<Chatter> users(Probe probe, String token, String... roles) throws Exception {
    return register(probe, Arrays.stream(roles).map(role -> role + "_" + token).toList());
  }

  /**
   * Sends {@code /name name} and returns the answer, WELCOME or a refusal, reading past other
   * lines.
   *
   * @param expected what a diagnosis says was awaited, if no answer comes
   */
  Reply askName(String name, String expected) throws Failed {
    send("/name " + name);
    return expect(Lines::isNameAnswer, expected);
  }

  /**
   * Waits for the answer to {@code /name}: WELCOME, or the check cannot go on. Returns the search,
   * with the lines that came before the WELCOME.
   */
  Wire.Search awaitWelcome() throws Failed {
    Wire.Search answer = wire.awaitLine(Lines::isNameAnswer);
    if (answer.succeeded() && answer.found().text().startsWith("WELCOME")) {
      return answer;
    }
    String got = answer.succeeded() ? answer.found().describe() : answer.describe();
    throw new Failed(
        "could not register a user: \"/name %s\" got %s, expected \"WELCOME %s\""
            .formatted(name, got, name));
  }

  /** Sends {@code line} and its line feed. */
  void send(String line) {
    send((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the bytes as they are; if the server has closed, the next read says so. */
  void send(byte[] bytes) {
    wire.send(bytes);
  }

  /**
   * The first line that satisfies {@code wanted}, read past others.
   *
   * @param expected what is awaited, as a diagnosis shows it: {@code "WELCOME bob"}
   * @throws Failed when it does not come, saying what came instead
   */
  Reply expect(Predicate<String> wanted, String expected) throws Failed {
    Wire.Search search = wire.awaitLine(wanted);
    if (!search.succeeded()) {
      throw new Failed("%s expected %s but got %s".formatted(name, expected, search.describe()));
    }
    return search.found();
  }

  /** Reads until a line satisfies {@code wanted}, or the wait ends; never throws. */
  Wire.Search search(Predicate<String> wanted) {
    return wire.awaitLine(wanted);
  }

  /** The connection itself, for what a check does to it on purpose (a reset, bytes one by one). */
  Wire wire() {
    return wire;
  }
}

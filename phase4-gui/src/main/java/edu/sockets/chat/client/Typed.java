package edu.sockets.chat.client;

import edu.sockets.chat.protocol.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a line typed in the input field asks for ({@link ChatModel#typed}). */
public sealed interface Typed {
  /** Send this line to the server. */
  record ToServer(String line) implements Typed {}

  /** Leave the chat: close the window. */
  record Quit() implements Typed {}

  /** Nothing to do (a blank line, or {@code /help}, answered here). */
  record Nothing() implements Typed {}

  /**
   * What {@code text}, typed in {@code conversation}, means. Text goes to the conversation's
   * target: everyone, the room ({@code /msg #room text}) or the user ({@code /msg bob text});
   * {@code //text} sends {@code /text} there. Slash commands are sent as typed, as in the terminal
   * client, and the server answers them; {@code /help} is answered by the client, and {@code /exit}
   * closes.
   */
  static Typed of(String text, Conversation conversation) {
    if (text.isBlank()) {
      return new Nothing();
    }
    if (text.startsWith("/") && !text.startsWith("//")) {
      return switch (command(text)) {
        case "/help" -> new Nothing();
        case "/exit", "/quit" -> new Quit();
        default -> new ToServer(text);
      };
    }
    String message = text.startsWith("//") ? text.substring(1) : text;
    return new ToServer(
        conversation.kind() == Conversation.Kind.EVERYONE
            ? new Command.Say(message).toLine()
            : new Command.Send(conversation.target(), message).toLine());
  }

  /** The command word of a line, in lower case: {@code /join}, {@code /help}. */
  static String command(String text) {
    return text.strip().split(" ", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** The window's answer to {@code /help}: the server's commands, and the window's own keys. */
  static List<String> help() {
    List<String> lines = new ArrayList<>();
    lines.add("Text you type goes to this tab's conversation; Enter sends it.");
    lines.addAll(Command.HELP);
    lines.add(
        "Double-click a name in the online list (or select it and press Enter) to talk in"
            + " private.");
    lines.add("Ctrl+Page Up and Ctrl+Page Down go from one conversation to the next.");
    return lines;
  }
}

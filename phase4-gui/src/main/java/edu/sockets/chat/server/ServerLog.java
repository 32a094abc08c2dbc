package edu.sockets.chat.server;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The server's log: each line after the date and time it was written, to the second. */
public final class ServerLog {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ServerLog() {}

  public static Consumer<String> to(Consumer<String> out) {
    return message -> out.accept(LocalDateTime.now().format(TIME) + " " + message);
  }
}

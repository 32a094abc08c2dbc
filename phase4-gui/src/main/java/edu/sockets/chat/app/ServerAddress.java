package edu.sockets.chat.app;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The server that the terminal client and the load generator connect to. */
final class ServerAddress {
  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Server to connect to (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + ChatApp.DEFAULT_PORT,
      description = "Server's port (default: ${DEFAULT-VALUE}).")
  int port;

  /** Refuses a port no server can have, in one line. */
  void check(CommandSpec spec) {
    ChatApp.checkRange(spec, "--port", port, 1, 65535);
  }
}

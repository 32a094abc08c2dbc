package edu.sockets.broadcast.app;

import picocli.CommandLine.Option;

/** The {@code --host} and {@code --port} of the server to connect to: client and load. */
final class ServerAddress {
  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Server to connect to (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + BroadcastApp.DEFAULT_PORT,
      description = "Server's port (default: ${DEFAULT-VALUE}).")
  int port;
}

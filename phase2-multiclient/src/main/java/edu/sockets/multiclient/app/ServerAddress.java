package edu.sockets.multiclient.app;

import picocli.CommandLine.Option;

/** The server that the client and the load generator connect to: {@code --host}, {@code --port}. */
final class ServerAddress {
  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Server to connect to (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "" + MultiClientApp.DEFAULT_PORT,
      description = "Server's port (default: ${DEFAULT-VALUE}).")
  int port;

  /** The line for a host name that does not resolve. */
  String unknown() {
    return "Unknown host: " + host + ". Check the name, or use the server's IP address.";
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}

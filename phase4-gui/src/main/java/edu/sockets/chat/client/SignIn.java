package edu.sockets.chat.client;

/**
 * What a {@link ChatSession} signs in with: the server, who signs in, how to reach the server, and
 * how long to wait between attempts after a drop.
 *
 * @param transport {@link Transport#TCP}, or TLS (chapter 4c)
 */
public record SignIn(
    String host, int port, Credentials credentials, Transport transport, ReconnectPolicy policy) {

  /** The server as the user named it, {@code host:port}. */
  public String server() {
    return host + ":" + port;
  }
}
